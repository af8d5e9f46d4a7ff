package dev.switchboard.media.rtc;

import java.util.Objects;

/**
 * A user data message received from another participant. Immutable by convention (do not modify
 * {@code payload} if you share it).
 *
 * @param senderIdentity the sender's identity, as the server stamped it
 * @param senderSid the sender's participant sid ("" when the server sent it)
 * @param topic the topic ("" for none)
 * @param reliable whether it came over the reliable channel
 * @param payload the bytes sent
 */
public record DataMessage(String senderIdentity, String senderSid, String topic, boolean reliable, byte[] payload) {

    /** Checks every field is present. */
    public DataMessage {
        Objects.requireNonNull(senderIdentity, "senderIdentity");
        Objects.requireNonNull(senderSid, "senderSid");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
    }
}
