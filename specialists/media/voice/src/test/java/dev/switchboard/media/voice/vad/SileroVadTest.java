package dev.switchboard.media.voice.vad;

import static dev.switchboard.media.voice.vad.Utterances.RATE;
import static dev.switchboard.media.voice.vad.Utterances.ms;
import static dev.switchboard.testkit.SpeechFixtures.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.testkit.SpeechFixtures;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Silero on real espeak-ng speech, silence and tones; needs the model from setup. */
class SileroVadTest {

    private static Vad vad;

    @BeforeAll
    static void load() {
        vad = SileroVad.create();
    }

    @AfterAll
    static void unload() {
        vad.close();
    }

    @Test
    void silenceGivesNoEventsButEveryWindowIsScored() {
        RecordingListener l = RecordingListener.run(vad, VadOptions.defaults(), ms(3000));

        assertThat(l.boundaries).isEmpty();
        assertThat(l.probabilities).hasSize(3000 * RATE / 1000 / 512);
        assertThat(l.probabilities).allMatch(p -> p < 0.1f);
    }

    @Test
    void oneUtteranceGivesOneStartAndOneEndCloseToTheSpeechInTheFile() {
        short[] phrase = Utterances.phrase();
        SpeechFixtures.Span span = SpeechFixtures.activeSpan(phrase, Utterances.ACTIVE_LEVEL);
        int offset = 500 * RATE / 1000;

        RecordingListener l = RecordingListener.run(vad, VadOptions.defaults(), Utterances.single());

        assertThat(l.boundaries).extracting(RecordingListener.Boundary::start).containsExactly(true, false);
        long[] segment = l.segments().get(0);
        assertThat((double) segment[0]).isCloseTo(offset + span.startSample(), within(0.1 * RATE));
        assertThat((double) segment[1]).isCloseTo(offset + span.endSample(), within(0.2 * RATE));
        VadEvent end = l.boundaries.get(1).event();
        assertThat(end.silenceDuration()).isEqualTo(Duration.ofMillis(256));
        assertThat(end.probability()).isLessThan(0.35f);
    }

    @Test
    void leadingAudioIsThePrefixPaddingAndTriggeringSpeechBeforeTheStart() {
        short[] pcm = Utterances.single();
        VadEvent[] start = new VadEvent[1];
        short[] leading;
        try (VadStream stream = vad.stream(VadOptions.defaults(), new VadListener() {
            @Override
            public void onSpeechStart(VadEvent event) {
                start[0] = event;
            }

            @Override
            public void onSpeechEnd(VadEvent event) {
            }
        })) {
            assertThat(stream.leadingAudio()).isEmpty();
            stream.push(pcm, 0, pcm.length);
            leading = stream.leadingAudio();
        }
        int end = (int) start[0].samplesIndex();
        int expected = RATE / 2 + (int) (start[0].speechDuration().toNanos() * RATE / 1_000_000_000L);
        assertThat(leading).hasSize(expected);
        assertThat(leading).isEqualTo(Arrays.copyOfRange(pcm, end - expected, end));
    }

    @Test
    void twoUtterancesOneSecondApartGiveTwoSegments() {
        RecordingListener l = RecordingListener.run(vad, VadOptions.defaults(), Utterances.twice(1000));

        assertThat(l.boundaries).extracting(RecordingListener.Boundary::start)
                .containsExactly(true, false, true, false);
        long gap = l.segments().get(1)[0] - l.segments().get(0)[1];
        assertThat((double) gap).isCloseTo(RATE, within(0.3 * RATE));
    }

    @Test
    void aPureToneIsNotSpeechButSpeechAfterItIs() {
        short[] tone = SpeechFixtures.tone(RATE, 440, Duration.ofSeconds(2), 0.3);
        short[] pcm = concat(ms(500), tone, ms(500), Utterances.phrase(), ms(800));

        RecordingListener l = RecordingListener.run(vad, VadOptions.defaults(), pcm);

        int toneWindows = (500 + 2000) * RATE / 1000 / 512;
        // measured: Silero v5 scores a 440 Hz sine at 0.00-0.01 in every window
        assertThat(l.probabilities.subList(0, toneWindows)).allMatch(p -> p < 0.1f);
        assertThat(l.segments()).hasSize(1);
        assertThat(l.segments().get(0)[0]).isGreaterThan((500 + 2000 + 500) * RATE / 1000 - 512);
    }

    @Test
    void aMinSilenceLongerThanThePauseMergesTheUtterances() {
        VadOptions patient = new VadOptions(0.5, Duration.ofMillis(50), Duration.ofMillis(1500), Duration.ZERO);

        RecordingListener l = RecordingListener.run(vad, patient, concat(Utterances.twice(1000), ms(1000)));

        assertThat(l.segments()).hasSize(1);
        assertThat(l.boundaries.get(1).event().silenceDuration()).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void aMinSpeechLongerThanTheUtteranceNeverStarts() {
        VadOptions strict = new VadOptions(0.5, Duration.ofSeconds(5), Duration.ofMillis(250), Duration.ZERO);

        assertThat(RecordingListener.run(vad, strict, Utterances.single()).boundaries).isEmpty();
    }

    @Test
    void theThresholdDecidesWhetherQuietSpeechInNoiseCounts() {
        short[] quiet = Utterances.quietInNoise(0.05);
        VadOptions low = new VadOptions(0.3, Duration.ofMillis(50), Duration.ofMillis(250), Duration.ZERO);
        VadOptions high = new VadOptions(0.9, Duration.ofMillis(50), Duration.ofMillis(250), Duration.ZERO);

        RecordingListener lenient = RecordingListener.run(vad, low, quiet);
        RecordingListener strict = RecordingListener.run(vad, high, quiet);

        // measured: the phrase at 5 % level under σ 300 noise scores 0.2-0.8 per window
        assertThat(lenient.probabilities).isEqualTo(strict.probabilities);
        assertThat(lenient.segments()).hasSize(1);
        assertThat(strict.boundaries).isEmpty();
    }
}
