package dev.switchboard.testkit;

import dev.switchboard.spi.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@link TimeSource} that moves only when a test moves it. Wall time starts where the test says;
 * the monotonic reading starts at zero and advances with {@link #advance}. Thread-safe.
 */
public final class ManualTime implements TimeSource {

    private Instant now;
    private long nanos;

    private ManualTime(Instant start) {
        this.now = start;
    }

    /** A clock standing at {@code start}. */
    public static ManualTime at(Instant start) {
        return new ManualTime(Objects.requireNonNull(start, "start"));
    }

    /** A clock standing at 2026-01-01T00:00:00Z. */
    public static ManualTime fixed() {
        return at(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized long nanos() {
        return nanos;
    }

    /** Moves both clocks forward by {@code step} (must not be negative). */
    public synchronized ManualTime advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("step: must not be negative, was " + step);
        }
        now = now.plus(step);
        nanos += step.toNanos();
        return this;
    }
}
