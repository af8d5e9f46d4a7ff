package dev.switchboard.media.voice.agent;

import java.time.Duration;
import java.util.Objects;

/**
 * The user's completed turn. Immutable by convention (do not modify {@code audio}).
 *
 * @param text     the final transcript ("" when the session has no STT), or the text the user typed
 * @param audio    the turn's speech, 16 kHz mono, including the VAD's prefix padding; empty for a typed turn
 * @param duration how long the user spoke (zero for a typed turn)
 */
public record UserTurn(String text, short[] audio, Duration duration) {
    /** The sample rate of {@link #audio()}. */
    public static final int SAMPLE_RATE = 16_000;

    /** Validates the fields. */
    public UserTurn {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(duration, "duration");
    }
}
