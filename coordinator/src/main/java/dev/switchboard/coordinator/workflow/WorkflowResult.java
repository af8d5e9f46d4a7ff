package dev.switchboard.coordinator.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.OperationResult;
import java.util.List;
import java.util.Objects;

/** How a workflow run ended. Immutable. */
public sealed interface WorkflowResult permits WorkflowResult.Completed, WorkflowResult.RolledBack {

    /** The run's id (journal key). */
    String workflowId();

    /**
     * Every step ran (or was skipped by its condition).
     *
     * @param workflowId the run's id
     * @param outputs each step's payload by step id, as {@code {"create-room": {...}}}
     */
    record Completed(String workflowId, ObjectNode outputs) implements WorkflowResult {
        /** Validates and copies. */
        public Completed {
            Objects.requireNonNull(workflowId, "workflowId");
            outputs = Objects.requireNonNull(outputs, "outputs").deepCopy();
        }
    }

    /**
     * A step failed and the steps before it were compensated in reverse order.
     *
     * @param workflowId the run's id
     * @param failedStep the id of the step that failed
     * @param failure why it failed
     * @param compensated the step ids whose effect was undone, in the order they were undone
     * @param deadLettered the step ids whose compensation kept failing and was parked for an operator
     */
    record RolledBack(
            String workflowId,
            String failedStep,
            OperationResult.Failure failure,
            List<String> compensated,
            List<String> deadLettered) implements WorkflowResult {
        /** Validates and copies. */
        public RolledBack {
            Objects.requireNonNull(workflowId, "workflowId");
            Objects.requireNonNull(failedStep, "failedStep");
            Objects.requireNonNull(failure, "failure");
            compensated = List.copyOf(compensated);
            deadLettered = List.copyOf(deadLettered);
        }
    }
}
