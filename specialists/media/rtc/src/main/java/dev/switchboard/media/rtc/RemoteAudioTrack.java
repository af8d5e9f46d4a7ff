package dev.switchboard.media.rtc;

import java.util.Objects;

/**
 * A remote audio track this session receives, mapped from the subscriber stream id
 * ({@code PA_…|TR_…}). Immutable, thread-safe.
 *
 * @param participantSid the publishing participant's sid
 * @param participantIdentity the publisher's identity ("" if the server has not described it yet)
 * @param trackSid the publication's sid ({@code TR_…})
 */
public record RemoteAudioTrack(String participantSid, String participantIdentity, String trackSid) {

    /** Checks every field is present. */
    public RemoteAudioTrack {
        Objects.requireNonNull(participantSid, "participantSid");
        Objects.requireNonNull(participantIdentity, "participantIdentity");
        Objects.requireNonNull(trackSid, "trackSid");
    }
}
