package dev.switchboard.media.voice.spi;

import java.util.Objects;

/**
 * A transcript of the user's speech. Immutable.
 *
 * @param text       the words; may be empty for a final that heard nothing
 * @param isFinal    true for a final result, false for an interim one that may still change
 * @param confidence 0..1, or 1 when the provider reports none
 * @param language   the detected or configured language, or empty
 */
public record Transcript(String text, boolean isFinal, double confidence, String language) {

    /** Validates the fields. */
    public Transcript {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
    }

    /** The number of whitespace-separated words (used by interruption min-words). */
    public int words() {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
