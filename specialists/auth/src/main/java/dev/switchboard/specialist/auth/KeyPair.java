package dev.switchboard.specialist.auth;

import dev.switchboard.spi.Secret;
import java.util.Objects;

/**
 * One LiveKit API key and its secret. Immutable; {@link #toString()} shows the key and the secret's
 * reference only.
 *
 * @param key the API key (not secret: it names the secret and travels in every token as {@code iss})
 * @param secret the API secret, resolved from a reference
 */
record KeyPair(String key, Secret secret) {

    KeyPair {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "KeyPair[" + key + ", " + secret + "]";
    }
}
