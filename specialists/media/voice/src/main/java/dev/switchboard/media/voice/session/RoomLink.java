package dev.switchboard.media.voice.session;

import dev.switchboard.media.rtc.AudioFrame;
import dev.switchboard.media.rtc.ConnectionState;
import dev.switchboard.media.rtc.LeaveReason;
import dev.switchboard.media.rtc.Participant;
import dev.switchboard.media.rtc.ParticipantKind;
import dev.switchboard.media.rtc.RemoteAudioTrack;
import dev.switchboard.media.rtc.RoomListener;
import dev.switchboard.media.rtc.TextStream;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The session's room listener: picks the user (the configured identity, else the first person — a
 * participant of kind standard or SIP, as LiveKit Agents link by default, never another agent, ingress or
 * egress — whose audio or {@code lk.chat} text arrives), copies their audio frames to the lane, hands their
 * text on topic {@value #CHAT_TOPIC} to the session as a turn (when the options allow text input), and
 * closes the session when that user leaves or the room disconnects. Reconnects: a user whose connection was
 * lost (or who was replaced by a new connection of the same identity) has
 * {@link SessionOptions#userReturnTimeout()} to come back; when the user rejoins under a new participant
 * sid (after a server restart everyone does) its new audio track takes the link over. Leaving on purpose or
 * being removed ends the session at once. Thread-safe.
 */
final class RoomLink implements RoomListener {

    /** The topic LiveKit's clients and agents use for typed chat (text data streams). */
    static final String CHAT_TOPIC = "lk.chat";
    /** The kinds of participant the session links to when no identity is configured. */
    static final Set<ParticipantKind> USER_KINDS = Set.of(ParticipantKind.STANDARD, ParticipantKind.SIP);

    private final AgentSessionImpl session;
    private final Optional<String> identity;
    private final Set<String> retired = ConcurrentHashMap.newKeySet();
    private volatile String trackSid = "";
    private volatile String trackParticipantSid = "";
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
        if (track.participantIdentity().isEmpty() || !isUser(track.participantIdentity())
                || retired.contains(track.participantSid())) {
            return false;
        }
        if (!trackSid.isEmpty() && track.participantSid().equals(trackParticipantSid)) {
            return false;   // another track of the linked participant: the first one stays the user's voice
        }
        if (!personOrConfigured(track.participantIdentity())) {
            return false;
        }
        if (!trackSid.isEmpty()) {
            retired.add(trackParticipantSid);   // the user joined again under a new sid: follow the new track
        }
        trackSid = track.trackSid();
        trackParticipantSid = track.participantSid();
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
    public void onParticipantLeft(Participant participant, LeaveReason reason) {
        if (!participant.identity().equals(userIdentity)) {
            return;
        }
        synchronized (this) {
            if (participant.sid().equals(trackParticipantSid)) {
                retired.add(trackParticipantSid);
                trackSid = "";
                trackParticipantSid = "";
            }
        }
        if (userPresent()) {
            return;   // the user is already back under a new sid
        }
        if (reason == LeaveReason.LEFT || reason == LeaveReason.ENDED) {
            SessionThreads.IO.execute(session::close);
        } else {
            closeUnlessBack();
        }
    }

    /** Closes the session unless the user joins again within the grace (judged once the room is connected). */
    private void closeUnlessBack() {
        SessionThreads.TIMERS.schedule(() -> {
            if (session.state() == AgentState.CLOSED) {
                return;
            }
            if (session.room().connectionState() == ConnectionState.RECONNECTING) {
                closeUnlessBack();
            } else if (!userPresent()) {
                SessionThreads.IO.execute(session::close);
            }
        }, session.options().userReturnTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private boolean userPresent() {
        return session.room().remoteParticipants().stream().anyMatch(p -> p.identity().equals(userIdentity));
    }

    @Override
    public void onDisconnected(String reason) {
        SessionThreads.IO.execute(session::close);
    }
}
