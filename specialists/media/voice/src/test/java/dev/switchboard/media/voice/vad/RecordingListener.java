package dev.switchboard.media.voice.vad;

import java.util.ArrayList;
import java.util.List;

/** Records a stream's events in order. Not thread-safe (one pushing thread). */
final class RecordingListener implements VadListener {

    /** One recorded boundary. */
    record Boundary(boolean start, VadEvent event) {
    }

    final List<Boundary> boundaries = new ArrayList<>();
    final List<Float> probabilities = new ArrayList<>();

    @Override
    public void onSpeechStart(VadEvent event) {
        boundaries.add(new Boundary(true, event));
    }

    @Override
    public void onSpeechEnd(VadEvent event) {
        boundaries.add(new Boundary(false, event));
    }

    @Override
    public void onProbability(float probability) {
        probabilities.add(probability);
    }

    /** Pushes {@code pcm} in 10 ms frames (as a room's audio track delivers it) and returns this. */
    static RecordingListener run(Vad vad, VadOptions options, short[] pcm) {
        RecordingListener listener = new RecordingListener();
        try (VadStream stream = vad.stream(options, listener)) {
            int frame = vad.sampleRate() / 100;
            for (int at = 0; at < pcm.length; at += frame) {
                stream.push(pcm, at, Math.min(frame, pcm.length - at));
            }
        }
        return listener;
    }

    /** Speech segments as [start, end) sample indexes of the speech itself (padding excluded). */
    List<long[]> segments() {
        List<long[]> out = new ArrayList<>();
        long start = -1;
        for (Boundary b : boundaries) {
            long speechStart = b.event().samplesIndex() - samples(b.event().speechDuration());
            if (b.start()) {
                start = speechStart;
            } else {
                out.add(new long[] {start, b.event().samplesIndex() - samples(b.event().silenceDuration())});
            }
        }
        return out;
    }

    private static long samples(java.time.Duration d) {
        return d.toNanos() * 16_000 / 1_000_000_000L;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Boundary b : boundaries) {
            sb.append(b.start() ? "start " : "end ").append(b.event()).append('\n');
        }
        return sb.toString();
    }
}
