package dev.switchboard.coordinator.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.journal.Journal;
import dev.switchboard.coordinator.journal.JournalProgress;
import dev.switchboard.coordinator.journal.JournalRecord;
import dev.switchboard.coordinator.plugins.OperationCatalog;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.TimeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs workflows step by step through a {@link StepExecutor}, journaling each step ahead in a
 * {@link Journal}; on a failed step, compensates the finished steps in reverse order, retrying a
 * failing compensation with backoff and then dead-lettering it. {@link #recover()} finishes what a
 * crashed process left in the journal.
 *
 * <p>Idempotency keys: a step runs with {@code RUN-ID/STEP-ID}, its compensation with
 * {@code RUN-ID/STEP-ID/compensate}, so a replay after a crash is recognised by the specialist.
 *
 * <p>Thread-safe: any number of runs may proceed concurrently (each on its caller's thread).
 */
public interface WorkflowEngine {

    /** A builder; journal, executor and catalog are required. */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Runs {@code definition} with a fresh run id ({@code NAME-UUID}).
     *
     * @throws dev.switchboard.spi.ConfigException when the definition names an unknown operation
     * @throws WorkflowException with code {@code invalid_request} when the inputs do not match the declaration
     * @throws dev.switchboard.coordinator.journal.JournalException when the journal cannot be written
     */
    WorkflowResult run(WorkflowDefinition definition, ObjectNode inputs, Caller caller);

    /**
     * Runs {@code definition} under the given run id.
     *
     * @throws WorkflowException with code {@code conflict} when the journal already has that run id
     */
    WorkflowResult run(WorkflowDefinition definition, ObjectNode inputs, Caller caller, String runId);

    /**
     * Finishes every workflow the journal shows unfinished and that is not running in this engine:
     * rolls it back (compensations in reverse order), or resumes it when it is forward-recoverable.
     * A step whose outcome is unknown is replayed with its idempotency key when its operation is
     * idempotent, and dead-lettered otherwise. Single executes left unfinished are closed as
     * {@code in_doubt} and listed.
     */
    default RecoveryReport recover() {
        return recover(JournalProgress.NONE);
    }

    /** {@link #recover()}, telling {@code progress} before each run it finishes. */
    RecoveryReport recover(JournalProgress progress);

    /** The open dead letters (same as the journal's). */
    List<JournalRecord.DeadLettered> deadLetters();

    /**
     * Runs a dead letter's compensation again (with the retry policy).
     *
     * @param id the dead letter's id, {@code RUN-ID/STEP-ID}
     * @return {@code true} when it succeeded and the letter is resolved, {@code false} when it still fails
     * @throws WorkflowException with code {@code not_found} when no open dead letter has that id
     */
    boolean retryDeadLetter(String id);

    /**
     * Marks a dead letter resolved without running anything (an operator undid the effect by hand).
     *
     * @throws WorkflowException with code {@code not_found} when no open dead letter has that id
     */
    void dismissDeadLetter(String id, String note);

    /** Configures an engine; not thread-safe. */
    final class Builder {
        Journal journal;
        StepExecutor executor;
        OperationCatalog catalog;
        TimeSource time = TimeSource.system();
        RetryPolicy retry = RetryPolicy.defaults();
        Sleeper sleeper = Sleeper.system();
        final List<WorkflowListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** The journal steps are written to (required). */
        public Builder journal(Journal value) {
            this.journal = Objects.requireNonNull(value, "journal");
            return this;
        }

        /** Runs each step and compensation through the coordinator's path (required). */
        public Builder executor(StepExecutor value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /** Knows each operation's compensation and idempotency (required). */
        public Builder catalog(OperationCatalog value) {
            this.catalog = Objects.requireNonNull(value, "catalog");
            return this;
        }

        /** The time source for journal records. Default: the system clock. */
        public Builder time(TimeSource value) {
            this.time = Objects.requireNonNull(value, "time");
            return this;
        }

        /** How failing compensations are retried. Default {@link RetryPolicy#defaults()}. */
        public Builder retry(RetryPolicy value) {
            this.retry = Objects.requireNonNull(value, "retry");
            return this;
        }

        /** Waits between compensation attempts. Default {@link Sleeper#system()}. */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /** Adds a listener for workflow events. */
        public Builder listener(WorkflowListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /**
         * Builds the engine.
         *
         * @throws IllegalArgumentException naming the missing part when journal, executor or catalog is unset
         */
        public WorkflowEngine build() {
            requireSet(journal, "journal");
            requireSet(executor, "executor");
            requireSet(catalog, "catalog");
            return new WorkflowEngineImpl(new Engine(journal, executor, catalog, time, retry, sleeper,
                    List.copyOf(listeners)));
        }

        private static void requireSet(Object value, String name) {
            if (value == null) {
                throw new IllegalArgumentException(name + " is required: call " + name + "(…) on the builder");
            }
        }
    }
}
