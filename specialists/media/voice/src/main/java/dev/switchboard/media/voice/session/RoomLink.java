package dev.switchboard.media.voice.session;

import dev.switchboard.media.rtc.AudioFrame;
import dev.switchboard.media.rtc.Participant;
import dev.switchboard.media.rtc.RemoteAudioTrack;
import dev.switchboard.media.rtc.RoomListener;
import java.util.Optional;

/**
 * The session's room listener: picks the user's audio track (the configured identity, else the first
 * participant whose audio arrives), copies its frames to the lane, and closes the session when that
 * user leaves or the room disconnects. Thread-safe.
 */
final class RoomLink implements RoomListener {

    private final AgentSessionImpl session;
    private final Optional<String> identity;
    private volatile String trackSid = "";
    private volatile String userIdentity = "";

    RoomLink(AgentSessionImpl session, Optional<String> identity) {
        this.session = session;
        this.identity = identity;
    }

    String userTrackSid() {
        return trackSid;
    }

    private synchronized boolean accept(RemoteAudioTrack track) {
        if (track.trackSid().equals(trackSid)) {
            return true;
        }
        if (!trackSid.isEmpty() || track.participantIdentity().isEmpty()) {
            return false;
        }
        if (identity.isPresent() && !identity.get().equals(track.participantIdentity())) {
            return false;
        }
        trackSid = track.trackSid();
        userIdentity = track.participantIdentity();
        return true;
    }

    @Override
    public void onTrackSubscribed(RemoteAudioTrack track) {
        accept(track);
    }

    @Override
    public void onAudioFrame(AudioFrame frame) {
        if (accept(frame.track())) {
            session.lane().execute(() -> session.frame(frame));
        }
    }

    @Override
    public void onTrackUnpublished(Participant participant, String sid) {
        synchronized (this) {
            if (sid.equals(trackSid)) {
                trackSid = "";
            }
        }
    }

    @Override
    public void onParticipantLeft(Participant participant) {
        if (participant.identity().equals(userIdentity)) {
            SessionThreads.IO.execute(session::close);
        }
    }

    @Override
    public void onDisconnected(String reason) {
        SessionThreads.IO.execute(session::close);
    }
}
