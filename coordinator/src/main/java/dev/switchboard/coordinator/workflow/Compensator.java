package dev.switchboard.coordinator.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.journal.JournalRecord;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.OperationResult;

/**
 * Runs one compensation with retries and backoff, journaling each attempt; dead-letters it when every
 * attempt fails. A {@code not_found} failure counts as success (the thing is already gone).
 * Stateless apart from its engine; thread-safe.
 */
final class Compensator {

    private final Engine engine;

    Compensator(Engine engine) {
        this.engine = engine;
    }

    /** One compensation to run. */
    record Task(String runId, String workflow, String stepId, String operation, ObjectNode params, Caller caller) {
        String key() {
            return runId + "/" + stepId + "/compensate";
        }
    }

    /** Runs the compensation; {@code true} when it succeeded, {@code false} when it was dead-lettered. */
    boolean compensate(Task t) {
        OperationResult.Failure last = attempts(t);
        if (last == null) {
            return true;
        }
        String reason = "compensation failed " + engine.retry().maxAttempts() + " times; last: " + last.code()
                + ": " + last.message();
        engine.append(new JournalRecord.DeadLettered(t.runId(), t.stepId(), t.operation(), t.params(), t.key(),
                t.caller(), reason, engine.time().now()));
        engine.publish(new WorkflowEvent.DeadLettered(t.runId(), t.workflow(), t.stepId(), t.operation(), reason));
        return false;
    }

    /** Retries a dead letter; resolves it on success. */
    boolean retry(Task t) {
        if (attempts(t) != null) {
            return false;
        }
        engine.append(new JournalRecord.DeadLetterResolved(t.runId(), t.stepId(), "retried", engine.time().now()));
        return true;
    }

    /** Runs the attempts; the last failure, or {@code null} when an attempt succeeded. */
    private OperationResult.Failure attempts(Task t) {
        OperationResult.Failure last = null;
        int max = engine.retry().maxAttempts();
        for (int attempt = 1; attempt <= max; attempt++) {
            engine.append(new JournalRecord.CompensationStarted(t.runId(), t.stepId(), t.operation(), t.params(),
                    attempt, engine.time().now()));
            OperationResult result = engine.compensate(t.operation(), t.params(), t.caller(), t.key(), t.runId(),
                    t.workflow());
            if (result instanceof OperationResult.Failure f && !f.code().equals(FailureCode.NOT_FOUND)) {
                engine.append(new JournalRecord.CompensationFailed(t.runId(), t.stepId(), attempt, f.code(),
                        f.message(), engine.time().now()));
                last = f;
                if (attempt < max) {
                    engine.sleeper().sleep(engine.retry().backoffAfter(attempt));
                }
            } else {
                engine.append(new JournalRecord.CompensationSucceeded(t.runId(), t.stepId(), engine.time().now()));
                engine.publish(new WorkflowEvent.Compensated(t.runId(), t.workflow(), t.stepId(), t.operation()));
                return null;
            }
        }
        return last;
    }
}
