package dev.switchboard.testkit.livekit;

import dev.switchboard.spi.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Validated settings of one server; the first entry of {@code keys} is the signing pair, and
 * {@code fixedHttpPort} is 0 for free ports. Immutable.
 */
record LiveKitServerOptions(
        LiveKitNetwork network,
        Path binary,
        String apiKey,
        Map<String, Secret> keys,
        List<String> webhookUrls,
        boolean roomAutoCreate,
        String logLevel,
        Duration startTimeout,
        int fixedHttpPort) {

    LiveKitServerOptions {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(apiKey, "apiKey");
        keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        if (!keys.containsKey(apiKey)) {
            throw new IllegalArgumentException("keys must contain the signing key " + apiKey);
        }
        webhookUrls = List.copyOf(webhookUrls);
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(startTimeout, "startTimeout");
    }
}
