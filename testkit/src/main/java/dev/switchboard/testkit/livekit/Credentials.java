package dev.switchboard.testkit.livekit;

import dev.switchboard.spi.Secret;
import java.security.SecureRandom;
import java.util.Base64;

/** Fresh random API keys and secrets for one server run. Thread-safe. */
final class Credentials {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private Credentials() {
    }

    /** A key like {@code APIsb7Hq2xK9mPz} (LiveKit keys conventionally start with {@code API}). */
    static String newKey() {
        StringBuilder out = new StringBuilder("APIsb");
        for (int i = 0; i < 10; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    /** A 256-bit secret (43 base64url characters; livekit-server warns below 32). */
    static Secret newSecret(String key) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return Secret.of("testkit:livekit-server/" + key, value);
    }
}
