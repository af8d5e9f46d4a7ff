package dev.switchboard.coordinator.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.Caller;
import java.time.Instant;
import java.util.Objects;

/**
 * One journal record. Every record belongs to a run ({@link #runId()}): a workflow run, or a single
 * execute whose run id is its request id. JSON trees are copied in; records are immutable.
 *
 * <p>Written ahead: {@link StepStarted} before the operation runs, {@link StepSucceeded} or
 * {@link StepFailed} after; {@link CompensationStarted} before a compensation runs, and so on.
 */
public sealed interface JournalRecord {

    /** The run this record belongs to. */
    String runId();

    /** When the record was written. */
    Instant at();

    /** The record's type as stored ({@code step-started}). */
    default String type() {
        return RecordCodec.typeOf(this);
    }

    /**
     * The record as the journal stores it (a JSON object with {@code type}, {@code run}, {@code at} and
     * the record's fields), passed through {@link Redactor#standard()}: what {@code journal show} prints.
     */
    default com.fasterxml.jackson.databind.node.ObjectNode toJson() {
        return RecordCodec.toJson(this, Redactor.standard());
    }

    /**
     * A workflow run began.
     *
     * @param definition the workflow definition as JSON, so recovery never depends on today's modes
     * @param inputs the inputs after defaults (redacted when journaled)
     */
    record WorkflowStarted(String runId, String workflow, ObjectNode definition, ObjectNode inputs,
            Caller caller, Instant at) implements JournalRecord {
        /** Validates and copies. */
        public WorkflowStarted {
            Checks.present(runId, at);
            Objects.requireNonNull(workflow, "workflow");
            definition = definition.deepCopy();
            inputs = inputs.deepCopy();
            Objects.requireNonNull(caller, "caller");
        }
    }

    /**
     * A step (or a single execute, whose step id is {@code execute}) is about to run.
     *
     * @param compensation the compensating operation, or {@code ""} when nothing undoes it
     * @param idempotent whether the operation may be replayed with the same key
     */
    record StepStarted(String runId, String stepId, String operation, String idempotencyKey,
            ObjectNode params, String compensation, boolean idempotent, Instant at) implements JournalRecord {
        /** Validates and copies. */
        public StepStarted {
            Checks.present(runId, at);
            Objects.requireNonNull(stepId, "stepId");
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            params = params.deepCopy();
            Objects.requireNonNull(compensation, "compensation");
        }
    }

    /** The step succeeded; {@code compensation} are the parameters that undo it. */
    record StepSucceeded(String runId, String stepId, ObjectNode payload, ObjectNode compensation, Instant at)
            implements JournalRecord {
        /** Validates and copies. */
        public StepSucceeded {
            Checks.present(runId, at);
            Objects.requireNonNull(stepId, "stepId");
            payload = payload.deepCopy();
            compensation = compensation.deepCopy();
        }
    }

    /** The step failed with {@code code} and {@code message}. */
    record StepFailed(String runId, String stepId, String code, String message, Instant at)
            implements JournalRecord {
        /** Validates. */
        public StepFailed {
            Checks.present(runId, at);
            Objects.requireNonNull(stepId, "stepId");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The step's condition was false; it did not run. */
    record StepSkipped(String runId, String stepId, Instant at) implements JournalRecord {
        /** Validates. */
        public StepSkipped {
            Checks.present(runId, at);
            Objects.requireNonNull(stepId, "stepId");
        }
    }

    /** Attempt {@code attempt} (from 1) of the compensation of {@code stepId} is about to run. */
    record CompensationStarted(String runId, String stepId, String operation, ObjectNode params, int attempt,
            Instant at) implements JournalRecord {
        /** Validates and copies. */
        public CompensationStarted {
            Checks.present(runId, at);
            Objects.requireNonNull(stepId, "stepId");
            Objects.requireNonNull(operation, "operation");
            params = params.deepCopy();
        }
    }

    /** The compensation of {@code stepId} succeeded: its effect is undone. */
    record CompensationSucceeded(String runId, String stepId, Instant at) implements JournalRecord {
        /** Validates. */
        public CompensationSucceeded {
            Checks.present(runId, at);
            Objects.requireNonNull(stepId, "stepId");
        }
    }

    /** Attempt {@code attempt} of the compensation of {@code stepId} failed. */
    record CompensationFailed(String runId, String stepId, int attempt, String code, String message, Instant at)
            implements JournalRecord {
        /** Validates. */
        public CompensationFailed {
            Checks.present(runId, at);
            Objects.requireNonNull(stepId, "stepId");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A compensation kept failing (or a step's outcome is unknown and cannot be replayed) and was
     * parked for an operator. Its id is {@code runId/stepId}.
     */
    record DeadLettered(String runId, String stepId, String operation, ObjectNode params, String idempotencyKey,
            Caller caller, String reason, Instant at) implements JournalRecord {
        /** Validates and copies. */
        public DeadLettered {
            Checks.present(runId, at);
            Objects.requireNonNull(stepId, "stepId");
            Objects.requireNonNull(operation, "operation");
            params = params.deepCopy();
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(reason, "reason");
        }

        /** The dead letter's id, {@code runId/stepId}, as the CLI and {@code retryDeadLetter} take it. */
        public String id() {
            return runId + "/" + stepId;
        }
    }

    /** The dead letter {@code runId/stepId} was retried successfully (or dismissed by an operator). */
    record DeadLetterResolved(String runId, String stepId, String how, Instant at) implements JournalRecord {
        /** Validates. */
        public DeadLetterResolved {
            Checks.present(runId, at);
            Objects.requireNonNull(stepId, "stepId");
            Objects.requireNonNull(how, "how");
        }
    }

    /** The workflow run ended in {@code outcome} ({@code COMPLETED}, {@code ROLLED_BACK}, {@code DEAD_LETTERED}). */
    record WorkflowFinished(String runId, RunState outcome, Instant at) implements JournalRecord {
        /** Validates. */
        public WorkflowFinished {
            Checks.present(runId, at);
            Objects.requireNonNull(outcome, "outcome");
        }
    }
}
