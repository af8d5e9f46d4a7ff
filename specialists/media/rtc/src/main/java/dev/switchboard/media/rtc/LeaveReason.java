package dev.switchboard.media.rtc;

import livekit.LivekitModels.DisconnectReason;

/**
 * Why a remote participant left, as far as this session can tell (from the server's
 * {@code disconnect_reason}, see {@link RoomListener#onParticipantLeft(Participant, LeaveReason)}): whether
 * it is gone for good or may come back under a new sid. Immutable, thread-safe.
 */
public enum LeaveReason {
    /** It left on purpose: its client closed the session. */
    LEFT,
    /** The room ended for it: removed by an admin, the room was deleted or closed, a call was rejected. */
    ENDED,
    /**
     * The same identity joined again (the server's duplicate identity, or a participant of that identity
     * appeared under a new sid while the old one was still listed): the participant continues under the new sid.
     */
    REPLACED,
    /**
     * Its connection was lost (signal closed, timed out, media failed, the server restarted or the reason is
     * unknown), or this session rejoined and the room no longer lists it: it may come back under a new sid.
     */
    LOST;

    /** The reason for the server's {@code disconnect_reason}. */
    static LeaveReason of(DisconnectReason reason) {
        return switch (reason) {
            case CLIENT_INITIATED -> LEFT;
            case PARTICIPANT_REMOVED, ROOM_DELETED, ROOM_CLOSED, USER_REJECTED, USER_UNAVAILABLE,
                 SIP_TRUNK_FAILURE -> ENDED;
            case DUPLICATE_IDENTITY -> REPLACED;
            default -> LOST;
        };
    }
}
