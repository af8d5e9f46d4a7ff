package dev.switchboard.coordinator.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Masks secret values that were resolved in this JVM wherever text leaves the coordinator: log
 * messages (through {@link ScrubbingMessageConverter}), failure messages and journal records.
 * Defense in depth: code should never put a secret into text in the first place. Thread-safe.
 */
public final class SecretScrubber {

    /** What a masked value is replaced with. */
    public static final String MASK = "***";

    /** Values shorter than this are not masked (too likely to match ordinary text). */
    private static final int MIN_LENGTH = 6;

    private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();

    private SecretScrubber() {
    }

    /** Remembers a resolved secret value so that it gets masked. */
    static void register(String value) {
        if (value.length() >= MIN_LENGTH) {
            VALUES.add(value);
        }
    }

    /** The text with every known secret value replaced by {@link #MASK}. */
    public static String scrub(String text) {
        if (VALUES.isEmpty() || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String value : VALUES) {
            if (out.contains(value)) {
                out = out.replace(value, MASK);
            }
        }
        return out;
    }
}
