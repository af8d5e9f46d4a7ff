package dev.switchboard.coordinator.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.Json;
import java.util.Objects;

/**
 * One workflow step. Immutable.
 *
 * @param id unique within the workflow, lower-kebab-case; outputs are referenced as
 *     {@code ${steps.ID.output.FIELD}}
 * @param operation the operation to run
 * @param params the parameters; string values may be templates
 * @param when a condition template ({@code ${inputs.record}}); the step runs when its value is truthy.
 *     The empty string (the default) means always
 * @param compensation how the step's effect is undone on rollback
 */
public record StepDefinition(String id, String operation, ObjectNode params, String when,
        Compensation compensation) {

    /** How a step is compensated. */
    public sealed interface Compensation permits FromOperation, ByOperation, Disabled {
    }

    /** The operation descriptor's compensation (the default). */
    public record FromOperation() implements Compensation {
    }

    /** Compensated by running {@code operation} instead of the descriptor's compensation. */
    public record ByOperation(String operation) implements Compensation {
        /** Validates the name. */
        public ByOperation {
            Objects.requireNonNull(operation, "operation");
        }
    }

    /** Never compensated ({@code compensate = false}). */
    public record Disabled() implements Compensation {
    }

    /** Validates and copies. */
    public StepDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operation, "operation");
        params = Objects.requireNonNull(params, "params").deepCopy();
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(compensation, "compensation");
    }

    /** An unconditional step with the descriptor's compensation. */
    public static StepDefinition of(String id, String operation, ObjectNode params) {
        return new StepDefinition(id, operation, params, "", new FromOperation());
    }

    /** An unconditional step with the parameters given as JSON text. */
    public static StepDefinition of(String id, String operation, String paramsJson) {
        return of(id, operation, Json.object(paramsJson));
    }

    /** This step with a condition. */
    public StepDefinition when(String condition) {
        return new StepDefinition(id, operation, params, condition, compensation);
    }

    /** This step compensated by {@code compensatingOperation}. */
    public StepDefinition compensatedBy(String compensatingOperation) {
        return new StepDefinition(id, operation, params, when, new ByOperation(compensatingOperation));
    }

    /** This step never compensated. */
    public StepDefinition withoutCompensation() {
        return new StepDefinition(id, operation, params, when, new Disabled());
    }
}
