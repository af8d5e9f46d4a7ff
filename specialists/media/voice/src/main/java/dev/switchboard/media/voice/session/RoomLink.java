package dev.switchboard.media.voice.session;

import dev.switchboard.media.rtc.AudioFrame;
import dev.switchboard.media.rtc.Participant;
import dev.switchboard.media.rtc.ParticipantKind;
import dev.switchboard.media.rtc.RemoteAudioTrack;
import dev.switchboard.media.rtc.RoomListener;
import dev.switchboard.media.rtc.TextStream;
import java.util.Optional;
import java.util.Set;

/**
 * The session's room listener: picks the user (the configured identity, else the first person — a
 * participant of kind standard or SIP, as LiveKit Agents link by default, never another agent, ingress or
 * egress — whose audio or {@code lk.chat} text arrives), copies their audio frames to the lane, hands their
 * text on topic {@value #CHAT_TOPIC} to the session as a turn (when the options allow text input), and
 * closes the session when that user leaves or the room disconnects. Thread-safe.
 */
final class RoomLink implements RoomListener {

    /** The topic LiveKit's clients and agents use for typed chat (text data streams). */
    static final String CHAT_TOPIC = "lk.chat";
    /** The kinds of participant the session links to when no identity is configured. */
    static final Set<ParticipantKind> USER_KINDS = Set.of(ParticipantKind.STANDARD, ParticipantKind.SIP);

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
        if (!isUser(track.participantIdentity()) || !personOrConfigured(track.participantIdentity())) {
            return false;
        }
        trackSid = track.trackSid();
        userIdentity = track.participantIdentity();
        return true;
    }

    /** Whether {@code sender} is (or may become) the user: the configured identity, else the linked one. */
    private boolean isUser(String sender) {
        String linked = userIdentity;
        return identity.map(sender::equals).orElse(linked.isEmpty() || linked.equals(sender));
    }

    /** The configured identity is linked whatever its kind; otherwise only a person ({@link #USER_KINDS}). */
    private boolean personOrConfigured(String who) {
        return identity.isPresent() || session.room().remoteParticipants().stream()
                .anyMatch(p -> p.identity().equals(who) && USER_KINDS.contains(p.kind()));
    }

    @Override
    public void onTextStream(TextStream stream) {
        if (!stream.topic().equals(CHAT_TOPIC) || !session.options().textInput() || stream.text().isBlank()) {
            return;
        }
        synchronized (this) {
            if (stream.senderIdentity().isEmpty() || !isUser(stream.senderIdentity())
                    || !personOrConfigured(stream.senderIdentity())) {
                return;
            }
            userIdentity = stream.senderIdentity();
        }
        session.lane().execute(() -> session.userText(stream.text().strip()));
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
