package dev.switchboard.media.voice.spi;

import java.util.Objects;

/**
 * A tool call requested by the model. Immutable.
 *
 * @param id        the provider's call id, echoed in the {@link ChatMessage.ToolResult}
 * @param name      the function name
 * @param arguments the arguments as a JSON text (as the model produced it; may be invalid JSON)
 */
public record ToolCall(String id, String name, String arguments) {

    /** Validates the fields. */
    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
    }
}
