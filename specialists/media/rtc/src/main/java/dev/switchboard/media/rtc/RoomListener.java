package dev.switchboard.media.rtc;

/**
 * Receives what happens in a room. Every method has a no-op default; override what you need.
 * Threads: {@link #onAudioFrame} runs on WebRTC's audio thread every 10 ms per track and must return
 * quickly (copy, enqueue, return); the other methods run on the session's single event thread, in the
 * order the server sent the events. An exception thrown by a listener is caught and does not stop
 * the session. Implementations must be thread-safe if registered on several sessions.
 */
public interface RoomListener {

    /** A participant other than this one joined (or was present at join time). */
    default void onParticipantJoined(Participant participant) {
    }

    /** A remote participant left (called by the default {@link #onParticipantLeft(Participant, LeaveReason)}). */
    default void onParticipantLeft(Participant participant) {
    }

    /**
     * A remote participant left, and why: {@link LeaveReason#LEFT} and {@link LeaveReason#ENDED} are final,
     * after {@link LeaveReason#REPLACED} and {@link LeaveReason#LOST} the same identity may join again under
     * a new sid (as after a server restart, when every participant rejoins). The default calls
     * {@link #onParticipantLeft(Participant)}.
     */
    default void onParticipantLeft(Participant participant, LeaveReason reason) {
        onParticipantLeft(participant);
    }

    /** A remote participant's name, metadata or attributes changed. */
    default void onParticipantUpdated(Participant participant) {
    }

    /** A remote participant published a track (audio or video), identified by its sid. */
    default void onTrackPublished(Participant participant, String trackSid) {
    }

    /** A remote participant unpublished a track. */
    default void onTrackUnpublished(Participant participant, String trackSid) {
    }

    /** The set of active speakers changed; loudest first, empty when nobody speaks. */
    default void onActiveSpeakersChanged(java.util.List<ActiveSpeaker> speakers) {
    }

    /** A remote audio track is now received; frames follow through {@link #onAudioFrame}. */
    default void onTrackSubscribed(RemoteAudioTrack track) {
    }

    /** Decoded PCM of a subscribed track, on the audio thread. */
    default void onAudioFrame(AudioFrame frame) {
    }

    /** A data message from another participant. */
    default void onData(DataMessage message) {
    }

    /** A complete text data stream from another participant (for example {@code lk.transcription}). */
    default void onTextStream(TextStream stream) {
    }

    /**
     * The connection state changed: a reconnect attempt starts, the session resumed or rejoined, or it
     * ended (then {@link #onDisconnected} follows). After {@link ConnectionChange.Rejoined} the local
     * participant sid and the local track sids are new, remote participants that are gone were
     * reported through {@link #onParticipantLeft(Participant, LeaveReason)} with {@link LeaveReason#LOST},
     * and remote participants that rejoined first appear under new sids with new track sids.
     */
    default void onConnectionChanged(ConnectionChange change) {
    }

    /**
     * The session ended: the server said leave, the connection was lost and reconnecting gave up (or is
     * disabled), or {@code close()} ran.
     */
    default void onDisconnected(String reason) {
    }
}
