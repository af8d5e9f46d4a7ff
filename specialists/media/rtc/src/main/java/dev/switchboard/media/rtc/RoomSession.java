package dev.switchboard.media.rtc;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One participant's connection to one LiveKit room: the signalling WebSocket and the publisher and
 * subscriber PeerConnections. Get one from {@link RtcClient#connect}. A lost connection is resumed or
 * rejoined as {@link ConnectOptions#reconnect()} says; reliable data sent meanwhile is buffered and
 * delivered afterwards. Thread-safe.
 */
public interface RoomSession extends AutoCloseable {

    /** The largest user payload {@link #sendData} accepts (the serialized packet must fit 64 000 bytes). */
    int MAX_DATA_BYTES = 60_000;

    /** This participant as the server described it in the JoinResponse. */
    Participant localParticipant();

    /** The room's name. */
    String roomName();

    /** The server's version string from the JoinResponse. */
    String serverVersion();

    /** Time from opening the WebSocket to receiving the JoinResponse. */
    Duration joinDuration();

    /** The other participants currently in the room. */
    List<Participant> remoteParticipants();

    /** Adds a listener; events that happened before are not replayed. */
    void addListener(RoomListener listener);

    /** Removes a listener added before; no-op otherwise. */
    void removeListener(RoomListener listener);

    /**
     * Publishes a microphone audio track named {@code name} and starts sending silence at once; blocks
     * until the server accepted the track and the publisher connection was renegotiated.
     *
     * @throws RtcTimeoutException if the server did not confirm within the operation timeout
     */
    LocalAudioTrack publishAudio(String name);

    /**
     * Sends {@code payload} to the room as a user packet. While the session is
     * {@link ConnectionState#RECONNECTING}, reliable packets are buffered (up to
     * {@link ReconnectPolicy#replayPackets()}) and sent after the recovery; lossy ones are dropped.
     *
     * @throws DataTooLargeException if {@code payload} exceeds {@link #MAX_DATA_BYTES}
     * @throws RtcTimeoutException if the data channel did not open within the operation timeout
     */
    void sendData(byte[] payload, DataOptions options);

    /**
     * Sends {@code text} as a LiveKit text data stream (header, chunks of at most 15 000 bytes, trailer;
     * reliable) on {@code topic} with {@code attributes}, to {@code destinationIdentities} (empty for
     * everyone). This is how agents publish transcriptions ({@code lk.transcription}) and chat.
     *
     * @throws RtcTimeoutException if the data channel did not open within the operation timeout
     */
    void sendText(String topic, String text, Map<String, String> attributes, List<String> destinationIdentities);

    /**
     * Sets attributes of this participant (merged into the existing ones; an empty value deletes a
     * key), for example {@code lk.agent.state}. Needs the token grant {@code canUpdateOwnMetadata};
     * without it the server ignores the request. Returns without waiting for the server. Set during a
     * reconnect they are sent once it succeeds; after a rejoin (a new participant) all attributes set so far
     * are sent again.
     */
    void setAttributes(Map<String, String> attributes);

    /**
     * Calls {@code method} on the participant {@code destinationIdentity} (LiveKit RPC v1). The future
     * fails with {@link RpcException}: 1501 when the callee does not ack within 7 s, 1502 after
     * {@code responseTimeout}, 1400 when the callee has no such method, 1402 when {@code payload}
     * exceeds 15 360 bytes, or the callee's own code.
     */
    java.util.concurrent.CompletableFuture<String> performRpc(String destinationIdentity, String method,
                                                              String payload, Duration responseTimeout);

    /** Answers calls to {@code method} with {@code handler} (replacing an earlier one). */
    void registerRpcMethod(String method, RpcHandler handler);

    /** Stops answering {@code method}; callers then get 1400. */
    void unregisterRpcMethod(String method);

    /** Whether the session is still open: connected or reconnecting (false once it ended). */
    boolean isConnected();

    /** Where the session stands; changes are reported through {@link RoomListener#onConnectionChanged}. */
    default ConnectionState connectionState() {
        return isConnected() ? ConnectionState.CONNECTED : ConnectionState.DISCONNECTED;
    }

    /** Leaves the room (tells the server), closes both PeerConnections and the WebSocket. Idempotent. */
    @Override
    void close();
}
