package dev.switchboard.media.voice.spi;

import java.util.Objects;

/**
 * Options for one speech-to-text stream. Immutable.
 *
 * @param language   BCP-47 language (e.g. {@code en}), or empty for the provider's detection
 * @param sampleRate the rate of the pushed PCM (16000 unless the provider prefers another)
 */
public record SttOptions(String language, int sampleRate) {

    /** Validates the rate. */
    public SttOptions {
        Objects.requireNonNull(language, "language");
        if (sampleRate < 8_000 || sampleRate > 48_000) {
            throw new IllegalArgumentException("sampleRate must be 8000..48000, was " + sampleRate);
        }
    }

    /** English at 16 kHz. */
    public static SttOptions defaults() {
        return new SttOptions("en", 16_000);
    }
}
