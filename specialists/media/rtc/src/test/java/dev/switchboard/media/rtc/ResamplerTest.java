package dev.switchboard.media.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Rate conversion keeps in-band tones, removes what would alias, and keeps the length ratio across chunks. */
class ResamplerTest {

    @Test
    void downTo16kKeeps440AndRemoves10k() {
        short[] tone = Tones.sine(440, 48_000, 48_000, 0.4);
        short[] out = inChunks(Resampler.create(48_000, 16_000), tone, 480);
        assertThat(out.length).isBetween(15_990, 16_000);
        short[] steady = Arrays.copyOfRange(out, 1_000, out.length);
        assertThat(Tones.dominantFrequency(steady, 16_000)).isCloseTo(440, within(5.0));
        assertThat(Tones.rms(steady)).isCloseTo(Tones.rms(tone), within(Tones.rms(tone) * 0.05));

        short[] high = Tones.sine(10_000, 48_000, 48_000, 0.4);
        short[] aliased = inChunks(Resampler.create(48_000, 16_000), high, 480);
        assertThat(Tones.rms(Arrays.copyOfRange(aliased, 1_000, aliased.length)))
                .as("10 kHz is above 8 kHz Nyquist and must be filtered out").isLessThan(Tones.rms(high) / 100);
    }

    @Test
    void upFrom24kAndOddRatios() {
        short[] tone = Tones.sine(1_000, 24_000, 24_000, 0.4);
        short[] out = inChunks(Resampler.create(24_000, 48_000), tone, 240);
        assertThat(out.length).isBetween(47_990, 48_000);
        assertThat(Tones.dominantFrequency(Arrays.copyOfRange(out, 1_000, out.length), 48_000))
                .isCloseTo(1_000, within(5.0));

        short[] cd = Tones.sine(440, 44_100, 44_100, 0.4);
        short[] out48 = inChunks(Resampler.create(44_100, 48_000), cd, 441);
        assertThat(out48.length).isBetween(47_990, 48_000);
        assertThat(Tones.dominantFrequency(Arrays.copyOfRange(out48, 1_000, out48.length), 48_000))
                .isCloseTo(440, within(5.0));
    }

    @Test
    void chunkSizesDoNotChangeTheOutput() {
        short[] tone = Tones.sine(440, 48_000, 9_600, 0.4);
        short[] whole = Resampler.create(48_000, 16_000).process(tone);
        Resampler r = Resampler.create(48_000, 16_000);
        short[] all = new short[0];
        int[] sizes = {4_000, 7, 480, 1, 2_000, 960};
        for (int i = 0, k = 0; i < tone.length; k++) {
            int n = Math.min(tone.length - i, sizes[k % sizes.length]);
            short[] part = r.process(Arrays.copyOfRange(tone, i, i + n));
            short[] next = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, next, all.length, part.length);
            all = next;
            i += n;
        }
        assertThat(all).containsExactly(whole);
    }

    @Test
    void rejectsRatesOutOfRange() {
        assertThatThrownBy(() -> Resampler.create(4_000, 16_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("fromRate: must be 8000..192000 Hz, got 4000");
    }

    private static short[] inChunks(Resampler r, short[] in, int chunk) {
        short[] all = new short[0];
        for (int i = 0; i < in.length; i += chunk) {
            short[] part = r.process(Arrays.copyOfRange(in, i, Math.min(in.length, i + chunk)));
            short[] next = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, next, all.length, part.length);
            all = next;
        }
        return all;
    }
}
