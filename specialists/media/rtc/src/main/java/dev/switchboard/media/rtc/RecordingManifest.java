package dev.switchboard.media.rtc;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link RoomRecorder} wrote, as also saved to {@code manifest.json}: the room, the recording's wall-clock
 * span and one entry per recorded track (who spoke when, and in which file). Immutable, thread-safe.
 */
public record RecordingManifest(String room, Instant startedAt, Instant stoppedAt, List<RecordedTrack> tracks) {

    /** Copies the track list and checks that no component is null. */
    public RecordingManifest {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(stoppedAt, "stoppedAt");
        tracks = List.copyOf(tracks);
    }
}
