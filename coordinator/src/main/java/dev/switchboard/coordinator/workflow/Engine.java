package dev.switchboard.coordinator.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.journal.Journal;
import dev.switchboard.coordinator.journal.JournalRecord;
import dev.switchboard.coordinator.plugins.OperationCatalog;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.TimeSource;
import java.util.List;

/** The parts every run shares, and the two calls they all make: execute and publish. Immutable, thread-safe. */
record Engine(Journal journal, StepExecutor executor, OperationCatalog catalog, TimeSource time, RetryPolicy retry,
        Sleeper sleeper, List<WorkflowListener> listeners) {

    private static final System.Logger LOG = System.getLogger(WorkflowEngine.class.getName());

    /** Runs one step's request; an exception from the executor becomes an {@code internal} failure. */
    OperationResult execute(String operation, ObjectNode params, Caller caller, String key, String runId,
            String workflow) {
        return execute(OperationRequest.builder(operation).params(params).caller(caller)
                .idempotencyKey(key).tag("workflow", workflow).tag("workflow-run", runId).build());
    }

    /**
     * Runs a compensation. It is tagged {@code compensation=true} and {@code confirmed=true}: undoing the
     * workflow's own effect is part of what the caller asked for when it ran the workflow, so the
     * confirmation gate of a destructive compensation (room.delete undoing room.create) does not stop it.
     */
    OperationResult compensate(String operation, ObjectNode params, Caller caller, String key, String runId,
            String workflow) {
        return execute(OperationRequest.builder(operation).params(params).caller(caller)
                .idempotencyKey(key).tag("workflow", workflow).tag("workflow-run", runId)
                .tag("compensation", "true").tag("confirmed", "true").build());
    }

    private OperationResult execute(OperationRequest request) {
        String operation = request.operation();
        String runId = request.tags().get("workflow-run");
        try {
            return executor.execute(request);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "run " + runId + ": " + operation + " threw "
                    + e.getClass().getName());
            return OperationResult.failure(FailureCode.INTERNAL, operation + " threw " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    void publish(WorkflowEvent event) {
        for (WorkflowListener listener : listeners) {
            try {
                listener.on(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "workflow listener failed on " + event.type(), e);
            }
        }
    }

    void append(JournalRecord record) {
        journal.append(record);
    }
}
