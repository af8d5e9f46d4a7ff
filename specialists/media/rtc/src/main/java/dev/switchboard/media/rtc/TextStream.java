package dev.switchboard.media.rtc;

import java.util.Map;
import java.util.Objects;

/**
 * A complete text data stream received from another participant (LiveKit data streams v1: a header,
 * chunks, a trailer), for example an agent's transcription on topic {@code lk.transcription}.
 * Immutable, thread-safe.
 *
 * @param senderIdentity the sender's identity, as the server stamped it
 * @param streamId the stream's id
 * @param topic the stream's topic
 * @param text the whole text, chunks joined in order
 * @param attributes the header's attributes merged with the trailer's
 */
public record TextStream(String senderIdentity, String streamId, String topic, String text,
                         Map<String, String> attributes) {
    /** Checks every field is present and copies the attributes. */
    public TextStream {
        Objects.requireNonNull(senderIdentity, "senderIdentity");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(text, "text");
        attributes = Map.copyOf(attributes);
    }
}
