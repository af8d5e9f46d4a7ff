package dev.switchboard.media.rtc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a track's frames into {@link SpeechSegment}s by level: a frame is audible when its RMS exceeds
 * {@link #THRESHOLD_RMS} (about -36 dBFS); silences shorter than {@link #MAX_GAP} do not split a segment.
 * Not thread-safe (the owning {@link TrackRecording} serialises).
 */
final class SpeechSegments {

    static final double THRESHOLD_RMS = 500;
    static final Duration MAX_GAP = Duration.ofMillis(300);
    private final List<SpeechSegment> closed = new ArrayList<>();
    private Instant openStart;
    private Instant openEnd;

    void frame(short[] mono, Instant start, Instant end) {
        double sum = 0;
        for (short s : mono) {
            sum += (double) s * s;
        }
        boolean audible = mono.length > 0 && Math.sqrt(sum / mono.length) > THRESHOLD_RMS;
        if (openStart != null && start.isAfter(openEnd.plus(MAX_GAP))) {
            closeOpen();
        }
        if (audible) {
            if (openStart == null) {
                openStart = start;
            }
            openEnd = end;
        }
    }

    private void closeOpen() {
        closed.add(new SpeechSegment(openStart, openEnd));
        openStart = null;
        openEnd = null;
    }

    /** The segments so far, the one still open included (ending at its last audible frame). */
    List<SpeechSegment> snapshot() {
        List<SpeechSegment> all = new ArrayList<>(closed);
        if (openStart != null) {
            all.add(new SpeechSegment(openStart, openEnd));
        }
        return List.copyOf(all);
    }
}
