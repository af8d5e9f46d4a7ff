package dev.switchboard.media.voice.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * How a fallback chain's circuit breakers judge each provider. Immutable.
 *
 * @param failureRatePercent a provider's breaker opens when at least this share of its recent calls
 *                           failed (default 50)
 * @param window             how many recent calls are judged (default 10)
 * @param minimumCalls       calls needed before the rate counts (default 3)
 * @param openFor            how long an open breaker skips its provider before one trial call (default 30 s)
 */
public record FallbackOptions(int failureRatePercent, int window, int minimumCalls, Duration openFor) {

    /** Validates the fields, naming the one that is wrong. */
    public FallbackOptions {
        Objects.requireNonNull(openFor, "openFor");
        if (failureRatePercent < 1 || failureRatePercent > 100) {
            throw new IllegalArgumentException("failureRatePercent must be 1..100, was " + failureRatePercent);
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + window);
        }
        if (minimumCalls < 1) {
            throw new IllegalArgumentException("minimumCalls must be at least 1, was " + minimumCalls);
        }
        if (openFor.isNegative() || openFor.isZero()) {
            throw new IllegalArgumentException("openFor must be positive, was " + openFor);
        }
    }

    /** 50 % of the last 10 calls (at least 3) failed opens the breaker for 30 s. */
    public static FallbackOptions defaults() {
        return new FallbackOptions(50, 10, 3, Duration.ofSeconds(30));
    }
}
