package dev.switchboard.media.voice.spi;

import java.util.Objects;

/**
 * Options for one synthesis stream. Immutable.
 *
 * @param voice    the provider's voice name or id, or empty for its default
 * @param language BCP-47 language, or empty
 * @param speed    speaking rate multiplier (1.0 = normal)
 */
public record TtsOptions(String voice, String language, double speed) {

    /** Validates the fields. */
    public TtsOptions {
        Objects.requireNonNull(voice, "voice");
        Objects.requireNonNull(language, "language");
        if (!(speed > 0.25 && speed <= 4.0)) {
            throw new IllegalArgumentException("speed must be in (0.25, 4], was " + speed);
        }
    }

    /** The provider's default voice at normal speed. */
    public static TtsOptions defaults() {
        return new TtsOptions("", "en", 1.0);
    }
}
