package dev.switchboard.media.rtc;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import livekit.LivekitModels.ParticipantInfo;

/**
 * The remote participants the server described, keyed by sid, with join/leave events computed from
 * ParticipantUpdates (newer {@code version}s only). Mutated on the event thread, read from any. Thread-safe.
 */
final class Participants {

    private final Map<String, Participant> bySid = new ConcurrentHashMap<>();
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    private final ListenerSet listeners;
    private volatile Participant local;

    Participants(ListenerSet listeners) {
        this.listeners = listeners;
    }

    static Participant of(ParticipantInfo info) {
        return new Participant(info.getSid(), info.getIdentity(), info.getName(), info.getMetadata(),
                info.getAttributesMap());
    }

    void setLocal(Participant participant) {
        local = participant;
    }

    /** Applies one participant description from a JoinResponse or a ParticipantUpdate. */
    void apply(ParticipantInfo info) {
        if (local != null && info.getSid().equals(local.sid())) {
            return;
        }
        Long seen = versions.get(info.getSid());
        if (seen != null && info.getVersion() != 0 && info.getVersion() < seen) {
            return;
        }
        versions.put(info.getSid(), (long) info.getVersion());
        Participant participant = of(info);
        if (info.getState() == ParticipantInfo.State.DISCONNECTED) {
            Participant gone = bySid.remove(info.getSid());
            if (gone != null) {
                listeners.fire(l -> l.onParticipantLeft(gone));
            }
            return;
        }
        if (bySid.put(info.getSid(), participant) == null) {
            listeners.fire(l -> l.onParticipantJoined(participant));
        }
    }

    List<Participant> remote() {
        return List.copyOf(bySid.values());
    }

    /** The identity for a participant sid, or "" when the server has not described it yet. */
    String identityOf(String sid) {
        Participant l = local;
        if (l != null && l.sid().equals(sid)) {
            return l.identity();
        }
        return Optional.ofNullable(bySid.get(sid)).map(Participant::identity).orElse("");
    }
}
