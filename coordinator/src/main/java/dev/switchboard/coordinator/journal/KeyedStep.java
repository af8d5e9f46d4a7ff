package dev.switchboard.coordinator.journal;

import java.util.Objects;

/**
 * A step that succeeded under an idempotency key: what was asked and what it returned (both as
 * journaled, so redacted). Immutable.
 *
 * @param started the record written before the step ran
 * @param succeeded the record written when it succeeded
 */
public record KeyedStep(JournalRecord.StepStarted started, JournalRecord.StepSucceeded succeeded) {

    /** Validates that both parts are present. */
    public KeyedStep {
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(succeeded, "succeeded");
    }
}
