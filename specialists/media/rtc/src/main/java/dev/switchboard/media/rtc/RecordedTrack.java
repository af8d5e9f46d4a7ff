package dev.switchboard.media.rtc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One remote audio track as the {@link RoomRecorder} wrote it: who published it, the WAV file (48 kHz mono
 * 16-bit, relative to the recording directory) and when its audio started and stopped (wall clock, the
 * first frame's arrival and the end of the last frame). Immutable, thread-safe.
 *
 * @param samples samples written (at 48 kHz), so {@link #duration()} is exact
 * @param speech when the publisher was audible, in order
 */
public record RecordedTrack(String participantIdentity, String participantSid, String trackSid, String file,
                            Instant startedAt, Instant stoppedAt, long samples, List<SpeechSegment> speech) {

    /** Copies the segment list and checks that no component is null. */
    public RecordedTrack {
        speech = List.copyOf(speech);
        Objects.requireNonNull(participantIdentity, "participantIdentity");
        Objects.requireNonNull(participantSid, "participantSid");
        Objects.requireNonNull(trackSid, "trackSid");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(stoppedAt, "stoppedAt");
    }

    /** The audio's length in the file. */
    public Duration duration() {
        return Duration.ofNanos(samples * 1_000_000_000L / RoomRecorder.SAMPLE_RATE);
    }
}
