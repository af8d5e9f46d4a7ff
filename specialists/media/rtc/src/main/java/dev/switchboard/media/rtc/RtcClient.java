package dev.switchboard.media.rtc;

/**
 * The native WebRTC engine (one webrtc-java {@code PeerConnectionFactory} with a headless audio device
 * whose playout runs, so remote audio is decoded) and the HTTP client used for signalling. Create one per
 * process and share it; every {@link RoomSession} it connects uses it. Thread-safe.
 */
public interface RtcClient extends AutoCloseable {

    /** Starts the engine. Loads webrtc-java's native library on first use. */
    static RtcClient create() {
        return new RtcClientImpl();
    }

    /**
     * Joins a room and returns when the JoinResponse arrived and both PeerConnections exist.
     *
     * @throws JoinRefusedException if the server refused (bad token, room full, ...)
     * @throws ServerUnreachableException if the server could not be reached
     * @throws RtcTimeoutException if no JoinResponse arrived within {@link ConnectOptions#joinTimeout()}
     */
    RoomSession connect(ConnectOptions options);

    /** Closes every session still open, then releases the native engine. Idempotent. */
    @Override
    void close();
}
