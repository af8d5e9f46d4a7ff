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
    private final Map<String, java.util.Set<String>> tracksBySid = new ConcurrentHashMap<>();
    private final Map<String, Float> speaking = new java.util.LinkedHashMap<>();
    private final ListenerSet listeners;
    private volatile Participant local;

    Participants(ListenerSet listeners) {
        this.listeners = listeners;
    }

    static Participant of(ParticipantInfo info) {
        return new Participant(info.getSid(), info.getIdentity(), info.getName(), info.getMetadata(),
                info.getAttributesMap(), ParticipantKind.of(info.getKind()));
    }

    void setLocal(Participant participant) {
        local = participant;
    }

    /**
     * After a rejoin: the room as the new JoinResponse describes it. Remote participants missing from it
     * left (reported as {@link LeaveReason#LOST}: they may not have rejoined yet); the others are applied as
     * usual.
     */
    void reset(List<ParticipantInfo> others) {
        java.util.Set<String> present = new java.util.HashSet<>();
        others.forEach(info -> present.add(info.getSid()));
        for (String sid : List.copyOf(bySid.keySet())) {
            if (!present.contains(sid)) {
                versions.remove(sid);
                forget(sid, LeaveReason.LOST);
            }
        }
        synchronized (speaking) {
            speaking.keySet().retainAll(present);
        }
        others.forEach(this::apply);
    }

    /** Applies one participant description from a JoinResponse or a ParticipantUpdate. */
    void apply(ParticipantInfo info) {
        if (local != null && info.getSid().equals(local.sid())) {
            local = of(info);
            return;
        }
        Long seen = versions.get(info.getSid());
        if (seen != null && info.getVersion() != 0 && info.getVersion() < seen) {
            return;
        }
        versions.put(info.getSid(), (long) info.getVersion());
        Participant participant = of(info);
        if (info.getState() == ParticipantInfo.State.DISCONNECTED) {
            forget(info.getSid(), LeaveReason.of(info.getDisconnectReason()));   // its version stays: no resurrection
            return;
        }
        Participant before = bySid.put(info.getSid(), participant);
        if (before == null) {
            replaced(participant);
            listeners.fire(l -> l.onParticipantJoined(participant));
        } else if (!before.equals(participant)) {
            listeners.fire(l -> l.onParticipantUpdated(participant));
        }
        diffTracks(participant, info);
    }

    /**
     * Identities are unique in a room: a participant joining under the identity of one still listed replaced
     * it (the server does not always send the old one's departure; LiveKit's own clients do the same).
     */
    private void replaced(Participant newcomer) {
        for (Participant old : List.copyOf(bySid.values())) {
            if (old.identity().equals(newcomer.identity()) && !old.sid().equals(newcomer.sid())
                    && forget(old.sid(), LeaveReason.REPLACED)) {
                versions.remove(old.sid());
                synchronized (speaking) {
                    speaking.remove(old.sid());
                }
            }
        }
    }

    /** Drops the listed participant {@code sid} and its tracks and reports it left; false if it was not listed. */
    private boolean forget(String sid, LeaveReason why) {
        Participant gone = bySid.remove(sid);
        tracksBySid.remove(sid);
        if (gone == null) {
            return false;
        }
        listeners.fire(l -> l.onParticipantLeft(gone, why));
        return true;
    }

    private void diffTracks(Participant participant, ParticipantInfo info) {
        java.util.Set<String> now = new java.util.LinkedHashSet<>();
        info.getTracksList().forEach(t -> now.add(t.getSid()));
        java.util.Set<String> was = tracksBySid.getOrDefault(info.getSid(), java.util.Set.of());
        tracksBySid.put(info.getSid(), now);
        for (String sid : now) {
            if (!was.contains(sid)) {
                listeners.fire(l -> l.onTrackPublished(participant, sid));
            }
        }
        for (String sid : was) {
            if (!now.contains(sid)) {
                listeners.fire(l -> l.onTrackUnpublished(participant, sid));
            }
        }
    }

    /** Applies a SpeakersChanged delta (protocol > 2 sends only the speakers that changed). */
    void speakers(List<livekit.LivekitModels.SpeakerInfo> changed) {
        List<ActiveSpeaker> current;
        synchronized (speaking) {
            for (var s : changed) {
                if (s.getActive()) {
                    speaking.put(s.getSid(), s.getLevel());
                } else {
                    speaking.remove(s.getSid());
                }
            }
            current = speaking.entrySet().stream()
                    .map(e -> new ActiveSpeaker(e.getKey(), identityOf(e.getKey()), e.getValue()))
                    .sorted(java.util.Comparator.comparingDouble(ActiveSpeaker::level).reversed())
                    .toList();
        }
        listeners.fire(l -> l.onActiveSpeakersChanged(current));
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
