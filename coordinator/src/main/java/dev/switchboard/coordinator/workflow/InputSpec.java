package dev.switchboard.coordinator.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Locale;
import java.util.Objects;

/**
 * One declared workflow input. Immutable.
 *
 * @param name the input's name, referenced as {@code ${inputs.NAME}}
 * @param type the JSON type the value must have
 * @param required whether a run must supply it (an input with a default is never required)
 * @param defaultValue the value used when the run does not supply one; a missing node when there is none
 * @param description one line for docs and {@code workflow run --help}
 */
public record InputSpec(String name, Type type, boolean required, JsonNode defaultValue, String description) {

    /** The JSON type of an input. */
    public enum Type {
        /** A JSON string. */
        STRING,
        /** A whole number. */
        INTEGER,
        /** Any JSON number. */
        NUMBER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** A JSON object. */
        OBJECT,
        /** A JSON array. */
        ARRAY,
        /** Any JSON value. */
        ANY;

        /** Whether {@code value} has this type. */
        public boolean accepts(JsonNode value) {
            return switch (this) {
                case STRING -> value.isTextual();
                case INTEGER -> value.isIntegralNumber();
                case NUMBER -> value.isNumber();
                case BOOLEAN -> value.isBoolean();
                case OBJECT -> value.isObject();
                case ARRAY -> value.isArray();
                case ANY -> true;
            };
        }

        /** The lower-case name used in TOML ({@code string}). */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Validates and copies. */
    public InputSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        defaultValue = Objects.requireNonNull(defaultValue, "defaultValue").deepCopy();
        Objects.requireNonNull(description, "description");
        if (required && !defaultValue.isMissingNode()) {
            throw new IllegalArgumentException("input '" + name + "' has a default, so it cannot be required");
        }
    }

    /** A required input without a description. */
    public static InputSpec required(String name, Type type) {
        return new InputSpec(name, type, true, MissingNode.getInstance(), "");
    }

    /** An optional input with no default (templates that reference it resolve to nothing). */
    public static InputSpec optional(String name, Type type) {
        return new InputSpec(name, type, false, MissingNode.getInstance(), "");
    }

    /** An optional input with a default value. */
    public static InputSpec withDefault(String name, Type type, JsonNode defaultValue) {
        return new InputSpec(name, type, false, defaultValue, "");
    }
}
