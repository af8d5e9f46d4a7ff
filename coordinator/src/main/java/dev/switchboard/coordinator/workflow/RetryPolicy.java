package dev.switchboard.coordinator.workflow;

import java.time.Duration;
import java.util.Objects;

/**
 * How a failing compensation is retried before it is dead-lettered: up to {@code maxAttempts}
 * attempts, waiting {@code initialBackoff}, then multiplying the wait by {@code multiplier} up to
 * {@code maxBackoff}. Immutable.
 *
 * @param maxAttempts attempts in all, at least 1 (default 5)
 * @param initialBackoff wait after the first failure (default 200 ms)
 * @param multiplier growth of the wait, at least 1 (default 2)
 * @param maxBackoff cap on the wait (default 5 s)
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

    /** Validates. */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoff durations must not be negative");
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
        }
    }

    /** The defaults: 5 attempts, 200 ms doubling up to 5 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(200), 2, Duration.ofSeconds(5));
    }

    /** The wait after failed attempt {@code attempt} (from 1). */
    public Duration backoffAfter(int attempt) {
        double nanos = initialBackoff.toNanos() * Math.pow(multiplier, Math.max(0, attempt - 1));
        return nanos >= maxBackoff.toNanos() ? maxBackoff : Duration.ofNanos((long) nanos);
    }
}
