package dev.switchboard.coordinator.internal;

import dev.switchboard.coordinator.journal.Journal;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import java.util.Optional;

/**
 * How the execute pipeline writes a single execute ahead into the journal (parameters and results
 * redacted first), and finds the recorded success of an idempotency key. A workflow step (a
 * request tagged {@code workflow-run}) is journaled by the workflow engine, not here. Thread-safe.
 */
final class JournalSteps {

    static final String WORKFLOW_RUN_TAG = "workflow-run";

    private final Journal journal;

    JournalSteps(Journal journal) {
        this.journal = journal;
    }

    void started(OperationRequest routed, OperationDescriptor descriptor) {
        if (!isWorkflowStep(routed)) {
            OperationRequest redacted = Redactor.changes(routed.params())
                    ? routed.toBuilder().params(Redactor.redact(routed.params())).build() : routed;
            journal.executeStarted(redacted, descriptor.compensation(), descriptor.idempotent());
        }
    }

    void finished(OperationRequest routed, OperationResult redactedResult) {
        if (!isWorkflowStep(routed)) {
            journal.executeDone(routed, redactedResult);
        }
    }

    /** The recorded success of {@code key}: the operation that ran and its (redacted) result. */
    Optional<Recorded> recorded(String key) {
        return journal.succeeded(key).map(k -> new Recorded(k.started().operation(),
                OperationResult.success(k.succeeded().payload(), k.succeeded().compensation())));
    }

    static boolean isWorkflowStep(OperationRequest request) {
        return request.tags().containsKey(WORKFLOW_RUN_TAG);
    }

    /**
     * A recorded outcome.
     *
     * @param operation the specialist operation that ran
     * @param result its result as journaled
     */
    record Recorded(String operation, OperationResult result) {
    }
}
