package dev.switchboard.media.rtc;

import java.util.Map;
import java.util.Objects;

/**
 * A participant as the server last described it. Immutable, thread-safe.
 *
 * @param sid the server's participant id ({@code PA_…})
 * @param identity the identity from the participant's token
 * @param name the display name ("" when none)
 * @param metadata the participant's metadata ("" when none)
 * @param attributes the participant's attributes
 * @param kind what kind of participant the server says this is (a person's client, SIP, an agent, …)
 */
public record Participant(String sid, String identity, String name, String metadata, Map<String, String> attributes,
                          ParticipantKind kind) {

    /** Checks every field is present and copies the attributes. */
    public Participant {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metadata, "metadata");
        attributes = Map.copyOf(attributes);
        Objects.requireNonNull(kind, "kind");
    }
}
