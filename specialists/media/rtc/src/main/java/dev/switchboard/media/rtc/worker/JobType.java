package dev.switchboard.media.rtc.worker;

import livekit.LivekitAgent;

/** Which jobs a worker takes: one per room, per publisher, or per participant. Immutable. */
public enum JobType {
    /** One job when the room starts ({@code JT_ROOM}). */
    ROOM(LivekitAgent.JobType.JT_ROOM),
    /** One job per participant that publishes ({@code JT_PUBLISHER}). */
    PUBLISHER(LivekitAgent.JobType.JT_PUBLISHER),
    /** One job per participant that joins ({@code JT_PARTICIPANT}). */
    PARTICIPANT(LivekitAgent.JobType.JT_PARTICIPANT);

    private final LivekitAgent.JobType wire;

    JobType(LivekitAgent.JobType wire) {
        this.wire = wire;
    }

    /** The protocol value. */
    LivekitAgent.JobType wire() {
        return wire;
    }

    /** The constant for a protocol value ({@link #ROOM} for unknown values). */
    static JobType of(LivekitAgent.JobType wire) {
        for (JobType t : values()) {
            if (t.wire == wire) {
                return t;
            }
        }
        return ROOM;
    }
}
