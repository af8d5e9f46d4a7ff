package dev.switchboard.media.voice.tools;

import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.voice.session.AgentSession;

/**
 * What a running tool can reach: the session (to {@code say} something, read the history), its user
 * data, the room, and the call's id. Thread-safe.
 *
 * @param session the session the call belongs to
 * @param room    the room the session is in
 * @param callId  the model's id for this call
 */
public record RunContext(AgentSession session, RoomSession room, String callId) {
    /** The session's user data as {@code type}; throws {@link ClassCastException} if it is another type. */
    public <T> T userData(Class<T> type) {
        return type.cast(session.userData());
    }
}
