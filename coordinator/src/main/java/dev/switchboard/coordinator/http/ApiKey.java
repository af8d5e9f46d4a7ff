package dev.switchboard.coordinator.http;

import dev.switchboard.spi.Secret;
import java.util.Objects;
import java.util.Set;

/**
 * One API key accepted by the HTTP API. A request presenting {@code key} (as
 * {@code Authorization: Bearer <key>} or {@code X-Api-Key: <key>}) runs as the caller
 * {@code name} with {@code roles}. Immutable.
 *
 * @param name the principal requests with this key run as (logged, safe to show)
 * @param key the key itself, resolved from a reference such as {@code ${SWITCHBOARD_API_KEY}}
 * @param roles roles given to the caller, tested by role gates and decision-tree nodes
 */
public record ApiKey(String name, Secret key, Set<String> roles) {

    /** Validates and copies. */
    public ApiKey {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("api key name must not be blank");
        }
        Objects.requireNonNull(key, "key");
        if (key.reveal().length() < 16) {
            throw new IllegalArgumentException("api key '" + name + "' (" + key.reference()
                    + ") is shorter than 16 characters; use a long random value");
        }
        roles = Set.copyOf(roles);
    }

    /** A key with the given roles. */
    public static ApiKey of(String name, Secret key, String... roles) {
        return new ApiKey(name, key, Set.of(roles));
    }
}
