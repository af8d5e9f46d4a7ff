package dev.switchboard.media.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The detector the tone test relies on can tell tones apart. */
class TonesTest {

    @Test
    void findsTheDominantFrequency() {
        assertThat(Tones.dominantFrequency(Tones.sine(440, 48_000, 48_000, 0.5), 48_000)).isCloseTo(440, within(5.0));
        assertThat(Tones.dominantFrequency(Tones.sine(1000, 48_000, 48_000, 0.5), 48_000))
                .isCloseTo(1000, within(5.0));
    }

    @Test
    void rmsOfSilenceIsZero() {
        assertThat(Tones.rms(new short[480])).isZero();
        assertThat(Tones.rms(Tones.sine(440, 48_000, 4800, 0.5))).isGreaterThan(10_000);
    }
}
