package dev.switchboard.specialist.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The auth specialist's configuration, read from {@code [specialists.auth]} by {@link AuthSettingsReader}.
 * Immutable.
 *
 * @param keys the key pairs; the first signs new tokens, all of them verify (rotation)
 * @param presets permission presets by name (built-ins plus configured ones)
 * @param defaultTtl token lifetime when a request names none
 * @param minTtl the shortest lifetime a request may ask for
 * @param maxTtl the longest lifetime a request may ask for
 */
record AuthSettings(List<KeyPair> keys, Map<String, Preset> presets, Duration defaultTtl, Duration minTtl,
        Duration maxTtl) {

    /** Clock skew LiveKit tolerates on {@code nbf}/{@code exp} (protocol auth/verifier.go tokenLeeway). */
    static final Duration LEEWAY = Duration.ofMinutes(1);

    AuthSettings {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one key pair is required");
        }
        presets = Map.copyOf(presets);
        Objects.requireNonNull(defaultTtl, "defaultTtl");
        Objects.requireNonNull(minTtl, "minTtl");
        Objects.requireNonNull(maxTtl, "maxTtl");
    }

    /** The pair that signs new tokens. */
    KeyPair signing() {
        return keys.getFirst();
    }

    /** The pair for API key {@code key}, when configured. */
    Optional<KeyPair> key(String key) {
        return keys.stream().filter(k -> k.key().equals(key)).findFirst();
    }

    /** The configured API keys, for messages (never the secrets). */
    String keyNames() {
        return String.join(", ", keys.stream().map(KeyPair::key).toList());
    }
}
