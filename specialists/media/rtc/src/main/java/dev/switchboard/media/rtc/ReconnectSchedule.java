package dev.switchboard.media.rtc;

import java.time.Duration;

/**
 * The timing of one recovery, from the moment the loss was noticed: the wait before each attempt
 * (none before the first, then doubling from {@link ReconnectPolicy#minBackoff()} up to
 * {@link ReconnectPolicy#maxBackoff()}), whether an attempt may still resume, and when to give up.
 * Pure arithmetic on {@link dev.switchboard.spi.TimeSource#nanos()} readings. Immutable, thread-safe.
 */
final class ReconnectSchedule {

    private final ReconnectPolicy policy;
    private final long lostAtNanos;

    ReconnectSchedule(ReconnectPolicy policy, long lostAtNanos) {
        this.policy = policy;
        this.lostAtNanos = lostAtNanos;
    }

    /** The wait before attempt {@code attempt} (1-based). */
    Duration delayBefore(int attempt) {
        if (attempt <= 1) {
            return Duration.ZERO;
        }
        Duration delay = policy.minBackoff().multipliedBy(1L << Math.min(attempt - 2, 20));
        return delay.compareTo(policy.maxBackoff()) > 0 ? policy.maxBackoff() : delay;
    }

    /** Whether the give-up deadline has passed at {@code nowNanos}. */
    boolean expired(long nowNanos) {
        return nowNanos - lostAtNanos >= policy.giveUpAfter().toNanos();
    }

    /** How an attempt starting at {@code nowNanos} recovers: resume inside the window when allowed. */
    Recovery recovery(long nowNanos, boolean resumeAllowed) {
        return resumeAllowed && nowNanos - lostAtNanos < policy.resumeWindow().toNanos()
                ? Recovery.RESUME : Recovery.REJOIN;
    }

    /** Time left until the give-up deadline (zero once it passed). */
    Duration remaining(long nowNanos) {
        return Duration.ofNanos(Math.max(0, policy.giveUpAfter().toNanos() - (nowNanos - lostAtNanos)));
    }

    /** Time since the loss. */
    Duration elapsed(long nowNanos) {
        return Duration.ofNanos(nowNanos - lostAtNanos);
    }
}
