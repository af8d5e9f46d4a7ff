package dev.switchboard.media.rtc.worker;

import java.time.Duration;

/**
 * A LiveKit agent worker: registers on the server's {@code /agent} WebSocket under an agent name (or
 * none, for automatic dispatch), answers the dispatcher's availability requests (yes while it is not
 * draining, runs fewer than {@code maxJobs} jobs and its load is below {@code loadThreshold}), joins
 * each assigned job's room and runs the {@link JobHandler} there, reports its load every
 * {@code statusInterval} and each job's status (running, success, failed), pings, and reconnects the
 * WebSocket with exponential backoff when it is lost (running jobs go on meanwhile).
 *
 * <p>Several workers with the same agent name share the jobs: LiveKit picks among the available ones,
 * weighted by {@code 1 - load}. Build one with {@link #builder()}. Thread-safe.
 *
 * <pre>{@code
 * try (AgentWorker worker = AgentWorker.builder()
 *         .url(URI.create("ws://localhost:7880")).apiKey("devkey").apiSecret(secret)
 *         .agentName("greeter")
 *         .handler(job -> {
 *             job.room().sendData("hello".getBytes(UTF_8), DataOptions.ofReliable().topic("greeting"));
 *             job.awaitShutdown();
 *         })
 *         .build().start()) {
 *     ...
 * }
 * }</pre>
 */
public interface AgentWorker extends AutoCloseable {

    /** A builder; {@code url}, {@code apiKey}, {@code apiSecret} and {@code handler} are required. */
    static AgentWorkerBuilder builder() {
        return new AgentWorkerBuilder();
    }

    /**
     * Connects and registers; returns once the server has answered the first registration.
     *
     * @return this worker
     * @throws WorkerRegistrationException when the server refuses (bad key, no agent grant), cannot be
     *     reached, or does not answer within the registration timeout; the worker is closed then
     * @throws WorkerStateException when called twice or after close
     */
    AgentWorker start();

    /** A snapshot of the state, load, jobs and counters. */
    WorkerStatus status();

    /**
     * Stops taking jobs (reports itself full and refuses offers) and waits at most {@code timeout} for
     * the running jobs to end; they are not asked to stop. The worker stays registered, so job status
     * still reaches the server; {@link #close()} deregisters.
     *
     * @return true when no job is running any more
     */
    boolean drain(Duration timeout);

    /**
     * Drains for at most {@code drainTimeout}, asks the jobs still running then to shut down (and waits
     * up to 5 s for them), then deregisters by closing the WebSocket. Idempotent.
     *
     * @return true when every job had ended within the drain timeout
     */
    boolean stop(Duration drainTimeout);

    /** {@link #stop} with the builder's {@code drainTimeout}. Idempotent. */
    @Override
    void close();
}
