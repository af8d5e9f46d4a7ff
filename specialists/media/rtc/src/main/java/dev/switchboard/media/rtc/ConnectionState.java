package dev.switchboard.media.rtc;

/**
 * Where a {@link RoomSession} stands. A session starts {@link #CONNECTED} (a failed join throws instead),
 * moves to {@link #RECONNECTING} when signalling or media is lost and back to {@link #CONNECTED} after a
 * resume or a rejoin, and ends {@link #DISCONNECTED}. Immutable, thread-safe.
 */
public enum ConnectionState {
    /** Joined: signalling, media and data flow. */
    CONNECTED,
    /** The connection was lost and is being resumed or rejoined; reliable data sent now is buffered. */
    RECONNECTING,
    /** The session ended (closed, sent away by the server, or reconnecting gave up); final. */
    DISCONNECTED
}
