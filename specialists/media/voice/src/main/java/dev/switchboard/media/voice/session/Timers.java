package dev.switchboard.media.voice.session;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One named timer of a session: fires its task on the session's lane unless re-armed or cancelled
 * first (a stale firing is ignored by its epoch). Not thread-safe (the lane arms and cancels it).
 */
final class Timers {

    private final Lane lane;
    private long epoch;
    private ScheduledFuture<?> future;

    Timers(Lane lane) {
        this.lane = lane;
    }

    void arm(Duration delay, Runnable task) {
        cancel();
        long mine = ++epoch;
        future = SessionThreads.TIMERS.schedule(() -> lane.execute(() -> {
            if (epoch == mine) {
                future = null;
                task.run();
            }
        }), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }

    void cancel() {
        epoch++;
        if (future != null) {
            future.cancel(false);
            future = null;
        }
    }

    boolean armed() {
        return future != null;
    }
}
