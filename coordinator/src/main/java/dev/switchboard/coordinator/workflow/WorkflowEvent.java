package dev.switchboard.coordinator.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.SwitchboardEvent;
import java.time.Instant;

/** Something that happened in a workflow run. Immutable. */
public sealed interface WorkflowEvent {

    /** The run's id. */
    String runId();

    /** The workflow's name. */
    String workflow();

    /** The dotted event type ({@code workflow.step-succeeded}). */
    String type();

    /** A run started. */
    record Started(String runId, String workflow) implements WorkflowEvent {
        @Override
        public String type() {
            return "workflow.started";
        }
    }

    /** A step succeeded. */
    record StepSucceeded(String runId, String workflow, String stepId, String operation) implements WorkflowEvent {
        @Override
        public String type() {
            return "workflow.step-succeeded";
        }
    }

    /** A step's condition was false. */
    record StepSkipped(String runId, String workflow, String stepId) implements WorkflowEvent {
        @Override
        public String type() {
            return "workflow.step-skipped";
        }
    }

    /** A step failed; the rollback starts. */
    record StepFailed(String runId, String workflow, String stepId, OperationResult.Failure failure)
            implements WorkflowEvent {
        @Override
        public String type() {
            return "workflow.step-failed";
        }
    }

    /** A step's effect was undone. */
    record Compensated(String runId, String workflow, String stepId, String operation) implements WorkflowEvent {
        @Override
        public String type() {
            return "workflow.compensated";
        }
    }

    /** A compensation kept failing and was parked in the dead-letter list. */
    record DeadLettered(String runId, String workflow, String stepId, String operation, String reason)
            implements WorkflowEvent {
        @Override
        public String type() {
            return "workflow.dead-lettered";
        }
    }

    /** A run ended (completed or rolled back). */
    record Finished(String runId, String workflow, WorkflowResult result) implements WorkflowEvent {
        @Override
        public String type() {
            return "workflow.finished";
        }
    }

    /** This event as a coordinator event published by {@code coordinator}. */
    default SwitchboardEvent toSwitchboardEvent(Instant at) {
        ObjectNode data = Json.object().put("run", runId()).put("workflow", workflow());
        switch (this) {
            case StepSucceeded e -> data.put("step", e.stepId()).put("operation", e.operation());
            case StepSkipped e -> data.put("step", e.stepId());
            case StepFailed e -> data.put("step", e.stepId()).put("code", e.failure().code())
                    .put("message", e.failure().message());
            case Compensated e -> data.put("step", e.stepId()).put("operation", e.operation());
            case DeadLettered e -> data.put("step", e.stepId()).put("operation", e.operation())
                    .put("reason", e.reason());
            case Finished e -> data.put("outcome", e.result() instanceof WorkflowResult.Completed
                    ? "completed" : "rolled-back");
            case Started e -> {
                // run and workflow say it all
            }
        }
        return new SwitchboardEvent(type(), "coordinator", at, data);
    }
}
