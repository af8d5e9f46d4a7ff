package dev.switchboard.media.voice.spi;

import java.util.Objects;

/**
 * A fallback chain passed over one provider and moved on to the next: because the provider failed
 * with a retryable error, or because its circuit breaker is open. Immutable.
 *
 * @param chain  the chain's name
 * @param from   the provider passed over
 * @param to     the provider that serves instead
 * @param reason why, for example {@code HTTP 500: boom} or {@code circuit breaker open}
 */
public record Failover(String chain, String from, String to, String reason) {

    /** The reason a provider is skipped while its breaker is open. */
    public static final String BREAKER_OPEN = "circuit breaker open";

    /** Checks that no field is null. */
    public Failover {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether the provider was skipped by its open breaker (it got no request). */
    public boolean skipped() {
        return BREAKER_OPEN.equals(reason);
    }
}
