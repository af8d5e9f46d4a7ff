package dev.switchboard.media.voice.vad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Stream mechanics on the shared Silero session: chunking, reset, concurrency, sharing. */
class SileroStreamTest {

    @Test
    void theResultDoesNotDependOnHowTheAudioIsChunked() {
        short[] pcm = Utterances.twice(1000);
        try (Vad vad = SileroVad.create()) {
            RecordingListener frames = RecordingListener.run(vad, VadOptions.defaults(), pcm);
            RecordingListener odd = new RecordingListener();
            try (VadStream stream = vad.stream(VadOptions.defaults(), odd)) {
                for (int at = 0; at < pcm.length; at += 137) {
                    stream.push(pcm, at, Math.min(137, pcm.length - at));
                }
            }
            assertThat(odd.probabilities).isEqualTo(frames.probabilities);
            assertThat(odd.boundaries).isEqualTo(frames.boundaries);
            assertThat(frames.boundaries).hasSize(4);
        }
    }

    @Test
    void resetForgetsTheStateLikeAFreshStream() {
        short[] pcm = Utterances.single();
        try (Vad vad = SileroVad.create()) {
            RecordingListener fresh = RecordingListener.run(vad, VadOptions.defaults(), pcm);
            RecordingListener reused = new RecordingListener();
            try (VadStream stream = vad.stream(VadOptions.defaults(), reused)) {
                stream.push(pcm, 0, pcm.length / 2 + 100);
                assertThat(stream.speaking()).isTrue();
                stream.reset();
                assertThat(stream.speaking()).isFalse();
                reused.boundaries.clear();
                reused.probabilities.clear();
                stream.push(pcm, 0, pcm.length);
            }
            assertThat(reused.probabilities).isEqualTo(fresh.probabilities);
            assertThat(reused.boundaries).isEqualTo(fresh.boundaries);
        }
    }

    @Test
    void concurrentStreamsOnPlatformThreadsMatchTheSequentialResults() throws Exception {
        List<short[]> inputs = List.of(Utterances.single(), Utterances.twice(1000), Utterances.twice(600),
                Utterances.quietInNoise(0.1), Utterances.single(), Utterances.twice(1000));
        try (Vad vad = SileroVad.create()) {
            List<RecordingListener> sequential = new ArrayList<>();
            for (short[] pcm : inputs) {
                sequential.add(RecordingListener.run(vad, VadOptions.defaults(), pcm));
            }
            List<Future<RecordingListener>> futures = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(inputs.size())) {
                for (short[] pcm : inputs) {
                    futures.add(pool.submit(() -> RecordingListener.run(vad, VadOptions.defaults(), pcm)));
                }
                for (int i = 0; i < inputs.size(); i++) {
                    RecordingListener concurrent = futures.get(i).get();
                    assertThat(concurrent.probabilities).isEqualTo(sequential.get(i).probabilities);
                    assertThat(concurrent.boundaries).isEqualTo(sequential.get(i).boundaries);
                }
            }
            assertThat(sequential.get(1).boundaries).hasSize(4);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }

    @Test
    void oneSessionIsSharedAndOutlivesItsHandlesWhileStreamsAreOpen() {
        var path = SileroVad.defaultModelPath();
        int before = SileroModel.users(path);
        Vad first = SileroVad.create();
        Vad second = SileroVad.create();
        assertThat(SileroModel.users(path)).isEqualTo(before + 2);
        VadStream stream = first.stream(VadOptions.defaults(), new RecordingListener());
        first.close();
        first.close();
        second.close();
        assertThat(SileroModel.users(path)).isEqualTo(before + 1);
        short[] pcm = Utterances.single();
        stream.push(pcm, 0, pcm.length);
        stream.close();
        stream.close();
        assertThat(SileroModel.users(path)).isEqualTo(before);
        assertThatThrownBy(() -> stream.push(pcm, 0, 10)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> first.stream(VadOptions.defaults(), new RecordingListener()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
