package dev.switchboard.media.voice.provider.internal;

import dev.switchboard.spi.Secret;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Removes keys from text that is about to become an error message or a log line: the configured
 * key itself (providers sometimes echo it, e.g. "Incorrect API key provided: sk-...") and anything
 * shaped like a well-known key. Immutable, thread-safe.
 */
public final class Redactor {

    private static final Pattern KEY_SHAPES = Pattern.compile(
            "(?i)\\b(sk-[A-Za-z0-9_\\-*]{6,}|gsk_[A-Za-z0-9*]{6,}|xi-[A-Za-z0-9*]{6,})|(?<=Token |Bearer )\\S{6,}");

    private final Optional<Secret> key;

    private Redactor(Optional<Secret> key) {
        this.key = key;
    }

    /** A redactor that also removes {@code key}'s value. */
    public static Redactor of(Optional<Secret> key) {
        return new Redactor(key);
    }

    /** {@code text} without the key or anything key-shaped; long texts are cut to 500 characters. */
    public String clean(String text) {
        String out = text;
        if (key.isPresent() && !key.get().reveal().isEmpty()) {
            out = out.replace(key.get().reveal(), "[redacted]");
        }
        out = KEY_SHAPES.matcher(out).replaceAll("[redacted]");
        return out.length() > 500 ? out.substring(0, 500) + "…" : out;
    }
}
