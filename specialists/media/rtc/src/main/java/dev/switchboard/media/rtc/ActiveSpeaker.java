package dev.switchboard.media.rtc;

import java.util.Objects;

/**
 * A participant the server currently hears speaking. Immutable, thread-safe.
 *
 * @param participantSid the speaker's sid
 * @param identity the speaker's identity ("" if not yet described by the server)
 * @param level the audio level the server measured, 0..1
 */
public record ActiveSpeaker(String participantSid, String identity, float level) {

    /** Checks every field is present. */
    public ActiveSpeaker {
        Objects.requireNonNull(participantSid, "participantSid");
        Objects.requireNonNull(identity, "identity");
    }
}
