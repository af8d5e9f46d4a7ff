package dev.switchboard.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * What an operation produced: a {@link Success} or a {@link Failure}. Immutable once built; the JSON
 * trees are copied in and must not be mutated by readers.
 */
@Stable(since = "0.1")
public sealed interface OperationResult permits OperationResult.Success, OperationResult.Failure {

    /** True for {@link Success}. */
    default boolean isSuccess() {
        return this instanceof Success;
    }

    /**
     * The operation took effect.
     *
     * @param payload what the operation returns to the caller (an object)
     * @param compensation the parameters of the compensating operation that undoes the effect; an empty
     *     object when the operation has nothing to undo
     */
    record Success(ObjectNode payload, ObjectNode compensation) implements OperationResult {
        /** Copies both trees so the result stays immutable. */
        public Success {
            payload = Objects.requireNonNull(payload, "payload").deepCopy();
            compensation = Objects.requireNonNull(compensation, "compensation").deepCopy();
        }
    }

    /**
     * The operation did not take effect (or took effect and was undone).
     *
     * @param code a {@link FailureCode} or a specialist's own code
     * @param message what went wrong, free of secrets
     * @param retryable whether the same request may succeed if sent again
     * @param violations the structured reasons, when gates or validation refused the request
     */
    record Failure(String code, String message, boolean retryable, List<Violation> violations)
            implements OperationResult {
        /** Validates and copies. */
        public Failure {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
            violations = List.copyOf(violations);
        }
    }

    /** A success with a payload and nothing to compensate. */
    static Success success(ObjectNode payload) {
        return new Success(payload, JsonNodeFactory.instance.objectNode());
    }

    /** A success whose effect the given parameters undo through the descriptor's compensation. */
    static Success success(ObjectNode payload, ObjectNode compensation) {
        return new Success(payload, compensation);
    }

    /** A non-retryable failure without violations. */
    static Failure failure(String code, String message) {
        return new Failure(code, message, false, List.of());
    }

    /** A failure that may succeed on a later attempt. */
    static Failure retryableFailure(String code, String message) {
        return new Failure(code, message, true, List.of());
    }

    /** A refusal explained by violations. */
    static Failure rejected(String code, String message, List<Violation> violations) {
        return new Failure(code, message, false, violations);
    }

    /** Convenience: the payload field {@code name} of a success, or a missing node. */
    default JsonNode field(String name) {
        return this instanceof Success s ? s.payload().path(name) : JsonNodeFactory.instance.missingNode();
    }
}
