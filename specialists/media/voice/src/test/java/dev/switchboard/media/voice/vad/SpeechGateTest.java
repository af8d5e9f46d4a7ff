package dev.switchboard.media.voice.vad;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The start/end logic on scripted probabilities (16 kHz, 512-sample windows of 32 ms). */
class SpeechGateTest {

    private static final Runnable NOTHING = () -> { };

    private static RecordingListener feed(VadOptions options, float... probabilities) {
        RecordingListener listener = new RecordingListener();
        SpeechGate gate = new SpeechGate(options, 16_000, 512, listener);
        for (float p : probabilities) {
            gate.accept(p, NOTHING);
        }
        return listener;
    }

    private static VadOptions options(double threshold, int minSpeechMs, int minSilenceMs) {
        return new VadOptions(threshold, Duration.ofMillis(minSpeechMs), Duration.ofMillis(minSilenceMs),
                Duration.ZERO);
    }

    @Test
    void startNeedsMinSpeechOfConsecutiveWindowsAtOrAboveTheThreshold() {
        RecordingListener l = feed(options(0.5, 64, 1000), 0.9f, 0.1f, 0.5f, 0.6f, 0.7f);

        assertThat(l.boundaries).hasSize(1);
        VadEvent start = l.boundaries.get(0).event();
        assertThat(start.samplesIndex()).isEqualTo(4 * 512);
        assertThat(start.speechDuration()).isEqualTo(Duration.ofMillis(64));
        assertThat(start.silenceDuration()).isZero();
        assertThat(start.probability()).isEqualTo(0.6f);
    }

    @Test
    void endNeedsMinSilenceAndReportsTheWholeSegment() {
        RecordingListener l = feed(options(0.5, 0, 96), 0.9f, 0.9f, 0.9f, 0.1f, 0.1f, 0.9f, 0.1f, 0.1f, 0.1f);

        assertThat(l.boundaries).extracting(RecordingListener.Boundary::start).containsExactly(true, false);
        VadEvent end = l.boundaries.get(1).event();
        assertThat(end.samplesIndex()).isEqualTo(9 * 512);
        assertThat(end.speechDuration()).isEqualTo(Duration.ofMillis(6 * 32));
        assertThat(end.silenceDuration()).isEqualTo(Duration.ofMillis(96));
    }

    @Test
    void onceSpeakingAWindowCountsAsSpeechDownTo015BelowTheThreshold() {
        RecordingListener held = feed(options(0.5, 0, 64), 0.9f, 0.36f, 0.36f, 0.36f);
        RecordingListener dropped = feed(options(0.5, 0, 64), 0.9f, 0.34f, 0.34f, 0.34f);
        RecordingListener notStarted = feed(options(0.5, 0, 64), 0.36f, 0.36f);

        assertThat(held.boundaries).hasSize(1);
        assertThat(dropped.boundaries).hasSize(2);
        assertThat(notStarted.boundaries).isEmpty();
        assertThat(feed(options(0.05, 0, 32), 0.06f, 0.011f).boundaries).hasSize(1);
        assertThat(feed(options(0.05, 0, 32), 0.06f, 0.009f).boundaries).hasSize(2);
    }

    @Test
    void everyWindowsProbabilityReachesTheListener() {
        assertThat(feed(VadOptions.defaults(), 0.1f, 0.2f, 0.3f).probabilities).containsExactly(0.1f, 0.2f, 0.3f);
    }

    @Test
    void resetForgetsSpeakingAndTheSampleCount() {
        RecordingListener listener = new RecordingListener();
        SpeechGate gate = new SpeechGate(options(0.5, 0, 32), 16_000, 512, listener);
        gate.accept(0.9f, NOTHING);
        assertThat(gate.speaking()).isTrue();
        gate.reset();
        assertThat(gate.speaking()).isFalse();
        gate.accept(0.9f, NOTHING);
        assertThat(listener.boundaries).hasSize(2);
        assertThat(listener.boundaries.get(1).event().samplesIndex()).isEqualTo(512);
    }
}
