package dev.switchboard.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened: an operation finished, a workflow rolled back, a webhook arrived.
 *
 * @param type dotted event type ({@code workflow.compensated}, {@code livekit.room_finished})
 * @param source who published it (a specialist name or {@code coordinator})
 * @param at when it happened
 * @param data details, free of secrets
 */
@Stable(since = "0.1")
public record SwitchboardEvent(String type, String source, Instant at, ObjectNode data) {

    /** Validates and copies. */
    public SwitchboardEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(at, "at");
        data = Objects.requireNonNull(data, "data").deepCopy();
    }
}
