package dev.switchboard.media.voice.vad;

import java.time.Duration;
import java.util.Objects;

/**
 * Detector options. Defaults follow LiveKit Agents' current Silero settings (threshold 0.5,
 * min speech 50 ms, min silence 250 ms, prefix padding 500 ms). Immutable.
 *
 * @param activationThreshold probability at or above which a window counts as speech (0..1)
 * @param minSpeech           speech needed before {@link VadListener#onSpeechStart}
 * @param minSilence          silence needed before {@link VadListener#onSpeechEnd}
 * @param prefixPadding       audio kept from before the start (given to STT with the speech)
 */
public record VadOptions(double activationThreshold, Duration minSpeech, Duration minSilence, Duration prefixPadding) {

    /** Validates the ranges. */
    public VadOptions {
        if (!(activationThreshold > 0 && activationThreshold < 1)) {
            throw new IllegalArgumentException("activationThreshold must be in (0, 1), was " + activationThreshold);
        }
        for (Duration d : new Duration[] {minSpeech, minSilence, prefixPadding}) {
            if (Objects.requireNonNull(d, "duration").isNegative()) {
                throw new IllegalArgumentException("durations must not be negative, was " + d);
            }
        }
    }

    /** The defaults described above. */
    public static VadOptions defaults() {
        return new VadOptions(0.5, Duration.ofMillis(50), Duration.ofMillis(250), Duration.ofMillis(500));
    }
}
