package dev.switchboard.media.rtc;

import java.util.List;
import java.util.Objects;

/**
 * How to send a data message: reliable ({@code _reliable}: ordered, retransmitted) or lossy
 * ({@code _lossy}: unordered, no retransmits), an optional topic ("" for none), and destination
 * identities (empty for everyone in the room). Immutable, thread-safe.
 *
 * @param reliable true for the reliable channel
 * @param topic the topic ("" for none)
 * @param destinationIdentities who receives it; empty means everyone
 */
public record DataOptions(boolean reliable, String topic, List<String> destinationIdentities) {

    /** Checks and copies the fields. */
    public DataOptions {
        Objects.requireNonNull(topic, "topic");
        destinationIdentities = List.copyOf(destinationIdentities);
    }

    /** Reliable, no topic, to everyone. */
    public static DataOptions ofReliable() {
        return new DataOptions(true, "", List.of());
    }

    /** Lossy, no topic, to everyone. */
    public static DataOptions ofLossy() {
        return new DataOptions(false, "", List.of());
    }

    /** The same options with {@code topic}. */
    public DataOptions topic(String value) {
        return new DataOptions(reliable, value, destinationIdentities);
    }

    /** The same options sent only to {@code identities}. */
    public DataOptions to(String... identities) {
        return new DataOptions(reliable, topic, List.of(identities));
    }
}
