package dev.switchboard.media.voice.provider;

import dev.switchboard.media.voice.spi.ProviderException;
import java.util.ArrayList;
import java.util.List;

/** What went wrong with each provider of one chain attempt. Not thread-safe (guarded by its owner). */
final class ChainFailures {

    private final List<String> reasons = new ArrayList<>();
    private boolean allRetryable = true;

    void skipped(String provider) {
        reasons.add(provider + ": skipped (circuit breaker open after repeated failures)");
    }

    void failed(ProviderException e) {
        reasons.add(e.getMessage());
        allRetryable &= e.retryable();
    }

    /** The chain's error once every provider is exhausted. */
    ProviderException exhausted(String chain) {
        return new ProviderException(chain, "every provider failed: " + String.join("; ", reasons), allRetryable);
    }
}
