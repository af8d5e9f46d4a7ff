package dev.switchboard.media.rtc;

/**
 * How a lost connection is recovered (see the LiveKit client protocol, resume and rejoin). Immutable,
 * thread-safe.
 */
public enum Recovery {
    /**
     * Reopen only the signalling WebSocket with {@code reconnect=1}, keep both PeerConnections and restart
     * ICE: the participant sid, the track sids and the subscriptions stay; buffered reliable data is
     * re-sent from where the server stopped receiving.
     */
    RESUME,
    /**
     * Join again from scratch: new PeerConnections, a new participant sid, the local audio tracks
     * published again under new track sids (the same {@link LocalAudioTrack} objects keep working).
     */
    REJOIN
}
