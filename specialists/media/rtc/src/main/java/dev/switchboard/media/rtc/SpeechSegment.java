package dev.switchboard.media.rtc;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of one recorded track where its publisher was audible (10 ms frames above the recorder's level
 * threshold, gaps shorter than {@link SpeechSegments#MAX_GAP} bridged). Wall-clock times. Immutable, thread-safe.
 */
public record SpeechSegment(Instant startedAt, Instant stoppedAt) {

    /** Checks the components. */
    public SpeechSegment {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(stoppedAt, "stoppedAt");
    }

    /** How long the segment lasts. */
    public Duration duration() {
        return Duration.between(startedAt, stoppedAt);
    }
}
