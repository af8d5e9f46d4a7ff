package dev.switchboard.media.voice.vad;

import static dev.switchboard.media.voice.vad.Utterances.RATE;
import static dev.switchboard.media.voice.vad.Utterances.ms;
import static dev.switchboard.testkit.SpeechFixtures.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.testkit.SpeechFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** WebRTC's VAD (webrtc-java) on the same signals as Silero; records where it differs. */
class WebRtcVadTest {

    private final Vad vad = WebRtcVad.create();

    @Test
    void silenceGivesNoEvents() {
        RecordingListener l = RecordingListener.run(vad, VadOptions.defaults(), ms(3000));

        assertThat(l.boundaries).isEmpty();
        assertThat(l.probabilities).hasSize(100).allMatch(p -> p < 0.1f);
    }

    @Test
    void oneUtteranceGivesOneSegmentCloseToTheSpeech() {
        SpeechFixtures.Span span = SpeechFixtures.activeSpan(Utterances.phrase(), Utterances.ACTIVE_LEVEL);
        int offset = RATE / 2;

        RecordingListener l = RecordingListener.run(vad, VadOptions.defaults(), Utterances.single());

        assertThat(l.segments()).hasSize(1);
        assertThat((double) l.segments().get(0)[0]).isCloseTo(offset + span.startSample(), within(0.1 * RATE));
        assertThat((double) l.segments().get(0)[1]).isCloseTo(offset + span.endSample(), within(0.25 * RATE));
    }

    @Test
    void twoUtterancesOneSecondApartGiveTwoSegments() {
        assertThat(RecordingListener.run(vad, VadOptions.defaults(), Utterances.twice(1000)).segments()).hasSize(2);
    }

    @Test
    void aPureToneCountsAsSpeechUnlikeSilero() {
        short[] pcm = concat(ms(500), SpeechFixtures.tone(RATE, 440, Duration.ofSeconds(2), 0.3), ms(800));

        RecordingListener l = RecordingListener.run(vad, VadOptions.defaults(), pcm);

        // measured: the pitch-based detector scores a 440 Hz sine at 0.99; Silero scores it ~0
        assertThat(l.segments()).hasSize(1);
        assertThat((double) l.segments().get(0)[1] - l.segments().get(0)[0]).isCloseTo(2.0 * RATE, within(0.2 * RATE));
    }

    @Test
    void concurrentStreamsMatchSequentialOnes() throws Exception {
        List<short[]> inputs = List.of(Utterances.single(), Utterances.twice(1000), Utterances.quietInNoise(0.3));
        List<RecordingListener> sequential = new ArrayList<>();
        for (short[] pcm : inputs) {
            sequential.add(RecordingListener.run(vad, VadOptions.defaults(), pcm));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(inputs.size())) {
            List<Future<RecordingListener>> futures = new ArrayList<>();
            for (short[] pcm : inputs) {
                futures.add(pool.submit(() -> RecordingListener.run(vad, VadOptions.defaults(), pcm)));
            }
            for (int i = 0; i < inputs.size(); i++) {
                assertThat(futures.get(i).get().probabilities).isEqualTo(sequential.get(i).probabilities);
            }
        }
    }
}
