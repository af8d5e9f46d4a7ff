package dev.switchboard.media.rtc.worker;

import dev.switchboard.media.rtc.RoomSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One job from assignment to its final status: the {@link JobContext} its handler gets, its shutdown
 * signal and hooks, and a latch that opens when the job has ended. Thread-safe.
 */
final class RunningJob implements JobContext {

    private final JobInfo job;
    private final String workerId;
    private final CountDownLatch shutdownRequested = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final List<Runnable> hooks = new ArrayList<>();
    private volatile RoomSession room;
    private String reason;

    RunningJob(JobInfo job, String workerId) {
        this.job = job;
        this.workerId = workerId;
    }

    void attach(RoomSession session) {
        this.room = session;
    }

    @Override
    public JobInfo job() {
        return job;
    }

    @Override
    public RoomSession room() {
        RoomSession r = room;
        if (r == null) {
            throw new WorkerStateException("job " + job.id() + " has not joined its room yet");
        }
        return r;
    }

    @Override
    public String workerId() {
        return workerId;
    }

    @Override
    public void addShutdownHook(Runnable hook) {
        Objects.requireNonNull(hook, "hook");
        synchronized (this) {
            if (reason == null) {
                hooks.add(hook);
                return;
            }
        }
        runQuietly(hook);
    }

    @Override
    public void shutdown(String why) {
        List<Runnable> toRun;
        synchronized (this) {
            if (reason != null) {
                return;
            }
            reason = Objects.requireNonNull(why, "reason");
            toRun = List.copyOf(hooks);
            hooks.clear();
        }
        shutdownRequested.countDown();
        toRun.forEach(RunningJob::runQuietly);
    }

    @Override
    public synchronized Optional<String> shutdownReason() {
        return Optional.ofNullable(reason);
    }

    @Override
    public void awaitShutdown() {
        try {
            shutdownRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdown("interrupted");
        }
    }

    @Override
    public boolean awaitShutdown(Duration timeout) {
        try {
            return shutdownRequested.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdown("interrupted");
            return true;
        }
    }

    /** Marks the job as ended (hooks not yet run are run now). */
    void ended() {
        shutdown("job ended");
        ended.countDown();
    }

    /** Waits at most {@code timeout} for the job to end. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static void runQuietly(Runnable hook) {
        try {
            hook.run();
        } catch (RuntimeException e) {
            // a failing hook must not stop the others or the job's end
        }
    }
}
