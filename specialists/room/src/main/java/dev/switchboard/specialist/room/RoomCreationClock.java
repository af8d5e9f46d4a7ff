package dev.switchboard.specialist.room;

import dev.switchboard.spi.TimeSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides from CreateRoom's reply alone whether the call created the room or adopted one that
 * existed, so that {@code room.create} needs one round trip instead of a ListRooms first.
 *
 * <p>LiveKit's CreateRoom returns the existing room when the name is taken, and stamps a new room
 * with the server's clock ({@code creation_time_ms}). Let θ be the server clock minus ours. A room
 * this call created was stamped after the request left: {@code creation ≥ sent + θ}. A room that
 * existed was stamped before: {@code creation < sent + θ}. θ is not known, but every room this
 * specialist created bounds it from below: {@code θ ≥ creation − received}. The rule is
 * {@code created ⇔ creation ≥ sent + L − margin}, with L the largest such bound seen lately and a
 * margin of 1 ms (rounding) plus 100 ppm of the bound's age (clock drift). It never calls a room
 * this call created adopted (θ ≥ L); it can call a room someone else created less than about one
 * round trip before ours (θ − L) created: the same window the ListRooms-then-CreateRoom order has,
 * since a room can appear between those two calls too.
 *
 * <p>Without a bound younger than a minute (first call, idle specialist) or when the server does not
 * stamp milliseconds (LiveKit before 1.8), the caller asks ListRooms first and feeds the bound
 * with what it learns. Thread-safe.
 */
final class RoomCreationClock {

    /** A lower bound of the server's clock minus ours, and when it was first seen (monotonic). */
    private record Bound(long offsetMs, long sinceNanos) {
    }

    private static final long EPOCH_NANOS = 30_000_000_000L;
    private static final long STALE_NANOS = 60_000_000_000L;
    private static final long DRIFT_PPM = 100;

    private final TimeSource time;
    private final AtomicReference<Bound> bound = new AtomicReference<>();

    RoomCreationClock(TimeSource time) {
        this.time = time;
    }

    /** Whether {@link #created} can decide now; if not, look the room up before creating it. */
    boolean calibrated() {
        Bound b = bound.get();
        return b != null && time.nanos() - b.sinceNanos() < STALE_NANOS;
    }

    /** Our wall clock in milliseconds, for {@code sent} and {@code received}. */
    long nowMs() {
        return time.now().toEpochMilli();
    }

    /**
     * Whether the room with this {@code creation_time_ms} was created by the call sent at {@code sentMs}
     * and answered at {@code receivedMs}. Only valid while {@link #calibrated()}.
     */
    boolean created(long creationMs, long sentMs, long receivedMs) {
        Bound b = bound.get();
        if (b == null || creationMs <= 0) {
            return false;
        }
        long ageMs = Math.max(0, time.nanos() - b.sinceNanos()) / 1_000_000;
        long margin = 1 + ageMs * DRIFT_PPM / 1_000_000;
        boolean created = creationMs >= sentMs + b.offsetMs() - margin;
        if (created) {
            learn(creationMs, receivedMs);
        }
        return created;
    }

    /** Learns from a room this specialist knows it created (it did not exist just before). */
    void learn(long creationMs, long receivedMs) {
        if (creationMs <= 0) {
            return;
        }
        long sample = creationMs - receivedMs;
        long now = time.nanos();
        bound.updateAndGet(b -> b == null || now - b.sinceNanos() >= EPOCH_NANOS
                ? new Bound(sample, now)
                : new Bound(Math.max(b.offsetMs(), sample), b.sinceNanos()));
    }
}
