package dev.switchboard.media.voice.vad;

import java.time.Duration;
import java.util.Objects;

/**
 * A speech boundary. Immutable.
 *
 * @param samplesIndex    input samples pushed into the stream before the boundary
 * @param speechDuration  speech so far (at start: the speech that triggered it)
 * @param silenceDuration silence that ended the speech (zero at start)
 * @param probability     the window's speech probability
 */
public record VadEvent(long samplesIndex, Duration speechDuration, Duration silenceDuration, float probability) {

    /** Validates the durations. */
    public VadEvent {
        Objects.requireNonNull(speechDuration, "speechDuration");
        Objects.requireNonNull(silenceDuration, "silenceDuration");
    }
}
