package dev.switchboard.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a specialist declares about one operation it runs. Immutable.
 *
 * @param name dotted lower-kebab name, unique across all loaded specialists ({@code room.create})
 * @param description one sentence for docs, {@code plugins list} and the OpenAPI document
 * @param inputSchema JSON Schema (draft 7) of the request parameters
 * @param outputSchema JSON Schema of the success payload
 * @param compensation how the effect is undone in a rolled-back workflow
 * @param destructive whether the operation destroys something (the confirmation gate asks first)
 * @param idempotent whether running it twice has the effect of running it once (safe to retry)
 */
@Stable(since = "0.1")
public record OperationDescriptor(
        String name,
        String description,
        ObjectNode inputSchema,
        ObjectNode outputSchema,
        Compensation compensation,
        boolean destructive,
        boolean idempotent) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

    /** Validates the name and copies the schemas. */
    public OperationDescriptor {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "operation name '" + name + "' must be dotted lower-kebab-case, like room.create");
        }
        Objects.requireNonNull(description, "description");
        inputSchema = Objects.requireNonNull(inputSchema, "inputSchema").deepCopy();
        outputSchema = Objects.requireNonNull(outputSchema, "outputSchema").deepCopy();
        Objects.requireNonNull(compensation, "compensation");
    }

    /** A builder for the operation {@code name}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds a descriptor; defaults: empty description, any-object schemas, no compensation. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private String description = "";
        private ObjectNode inputSchema = Json.object("{\"type\":\"object\"}");
        private ObjectNode outputSchema = Json.object("{\"type\":\"object\"}");
        private Compensation compensation = Compensation.none();
        private boolean destructive;
        private boolean idempotent;

        private Builder(String name) {
            this.name = name;
        }

        /** Sets the description. */
        public Builder description(String value) {
            this.description = value;
            return this;
        }

        /** Sets the input schema. */
        public Builder inputSchema(ObjectNode value) {
            this.inputSchema = value;
            return this;
        }

        /** Sets the input schema from JSON text. */
        public Builder inputSchema(String json) {
            return inputSchema(Json.object(json));
        }

        /** Sets the output schema. */
        public Builder outputSchema(ObjectNode value) {
            this.outputSchema = value;
            return this;
        }

        /** Sets the output schema from JSON text. */
        public Builder outputSchema(String json) {
            return outputSchema(Json.object(json));
        }

        /** Declares the compensating operation. */
        public Builder compensatedBy(String operation) {
            this.compensation = Compensation.by(operation);
            return this;
        }

        /** Marks the operation destructive. */
        public Builder destructive(boolean value) {
            this.destructive = value;
            return this;
        }

        /** Marks the operation idempotent. */
        public Builder idempotent(boolean value) {
            this.idempotent = value;
            return this;
        }

        /** Builds the descriptor, validating it. */
        public OperationDescriptor build() {
            return new OperationDescriptor(
                    name, description, inputSchema, outputSchema, compensation, destructive, idempotent);
        }
    }
}
