package dev.switchboard.media.rtc.worker;

import dev.switchboard.media.rtc.RoomSession;
import java.time.Duration;
import java.util.Optional;

/**
 * One running job as its {@link JobHandler} sees it: what the job is, the room session the worker
 * joined for it, and its shutdown signal. Shutdown is requested when the server terminates the job
 * (dispatch deleted), the room session ends (room deleted, participant removed), the worker closes
 * after its drain timeout, or the handler calls {@link #shutdown}. Thread-safe.
 */
public interface JobContext {

    /** The job. */
    JobInfo job();

    /** The worker's participant in the job's room, connected; closed by the worker after the job. */
    RoomSession room();

    /** The id of the worker that runs the job. */
    String workerId();

    /**
     * Adds a hook that runs once when shutdown is requested or the job ends, whichever comes first,
     * on the thread that requested it. Added after that moment, the hook runs at once. Hooks that throw
     * are ignored.
     */
    void addShutdownHook(Runnable hook);

    /** Asks the job to end: wakes {@link #awaitShutdown()} and runs the hooks. Idempotent. */
    void shutdown(String reason);

    /** Why shutdown was requested; empty while the job may go on. */
    Optional<String> shutdownReason();

    /** Blocks until shutdown is requested (or the thread is interrupted, which counts as shutdown). */
    void awaitShutdown();

    /** Waits at most {@code timeout} for shutdown; true when it was requested. */
    boolean awaitShutdown(Duration timeout);
}
