package dev.switchboard.media.voice.session;

import dev.switchboard.media.rtc.RoomSession;
import java.util.List;
import java.util.Map;

/**
 * What the session tells the room, in order, off the lane (room calls may block on the data channel):
 * the {@code lk.agent.state} attribute and transcriptions on {@code lk.transcription} as text streams
 * with {@code lk.segment_id}, {@code lk.transcribed_track_id} and {@code lk.transcription_final}.
 * Failures are logged, never thrown into the session. Thread-safe.
 */
final class RoomOutput {

    static final String TOPIC = "lk.transcription";
    private static final System.Logger LOG = System.getLogger(RoomOutput.class.getName());
    private final RoomSession room;
    private final Lane io = new Lane(SessionThreads.IO);

    RoomOutput(RoomSession room) {
        this.room = room;
    }

    void state(AgentState state) {
        io.execute(() -> guarded(() -> room.setAttributes(Map.of("lk.agent.state", state.wire()))));
    }

    void transcription(String segmentId, String trackSid, String text, boolean isFinal) {
        Map<String, String> attributes = Map.of("lk.segment_id", segmentId, "lk.transcribed_track_id", trackSid,
                "lk.transcription_final", Boolean.toString(isFinal));
        io.execute(() -> guarded(() -> room.sendText(TOPIC, text, attributes, List.of())));
    }

    private void guarded(Runnable r) {
        if (!room.isConnected()) {
            return;
        }
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "room output failed: " + e.getMessage());
        }
    }
}
