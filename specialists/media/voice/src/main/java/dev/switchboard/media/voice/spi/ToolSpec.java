package dev.switchboard.media.voice.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A tool offered to the model. Immutable.
 *
 * @param name        the function name
 * @param description what it does, for the model
 * @param parameters  a JSON Schema object describing the arguments
 */
public record ToolSpec(String name, String description, JsonNode parameters) {

    /** Validates the fields. */
    public ToolSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parameters, "parameters");
    }
}
