package dev.switchboard.media.rtc;

import java.util.Optional;

/**
 * Unpacks LiveKit's subscriber stream id {@code <participantSid>|<trackSid>}. When the right part is not
 * a track sid (rooms with sync streams put a stream name there), the receiver's track id is used if it
 * looks like one. Stateless.
 */
final class StreamIds {

    /** The two sids a stream id names. */
    record Sids(String participantSid, String trackSid) {
    }

    private StreamIds() {
    }

    static Optional<Sids> unpack(String streamId, String trackId) {
        int bar = streamId.indexOf('|');
        String participant = bar < 0 ? streamId : streamId.substring(0, bar);
        String right = bar < 0 ? "" : streamId.substring(bar + 1);
        String track = right.startsWith("TR") ? right : trackId.startsWith("TR") ? trackId : "";
        if (!participant.startsWith("PA") || track.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Sids(participant, track));
    }
}
