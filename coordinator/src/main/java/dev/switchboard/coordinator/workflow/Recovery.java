package dev.switchboard.coordinator.workflow;

import dev.switchboard.coordinator.journal.JournalRecord;
import dev.switchboard.coordinator.journal.JournalRecord.CompensationStarted;
import dev.switchboard.coordinator.journal.JournalRecord.CompensationSucceeded;
import dev.switchboard.coordinator.journal.JournalRecord.DeadLettered;
import dev.switchboard.coordinator.journal.JournalRecord.StepFailed;
import dev.switchboard.coordinator.journal.JournalRecord.StepSkipped;
import dev.switchboard.coordinator.journal.JournalRecord.StepStarted;
import dev.switchboard.coordinator.journal.JournalRecord.StepSucceeded;
import dev.switchboard.coordinator.journal.JournalRecord.WorkflowStarted;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds one unfinished workflow run from its journal records and finishes it: continues a rollback
 * that had begun, resumes a forward-recoverable run, or rolls back an interrupted one. Not
 * thread-safe; one instance per run.
 */
final class Recovery {

    static final String INTERRUPTED = "interrupted";

    private final Engine engine;
    private final Map<String, StepStarted> started = new HashMap<>();
    private final Map<String, StepSucceeded> succeeded = new HashMap<>();
    private final Map<String, StepFailed> failed = new HashMap<>();
    private final Set<String> skipped = new HashSet<>();
    private final Set<String> compensationBegun = new HashSet<>();
    private final Set<String> compensated = new HashSet<>();
    private final List<String> deadLettered = new ArrayList<>();

    Recovery(Engine engine) {
        this.engine = engine;
    }

    /**
     * Finishes the run.
     *
     * @throws IllegalArgumentException when the records do not describe a workflow run
     */
    WorkflowResult finish(String runId, List<JournalRecord> records) {
        WorkflowStarted start = records.stream().filter(WorkflowStarted.class::isInstance)
                .map(WorkflowStarted.class::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no workflow-started record"));
        records.forEach(this::fold);
        WorkflowDefinition definition = WorkflowDefinitions.fromTree(start.workflow(), start.definition());
        WorkflowRun run = new WorkflowRun(engine, definition, runId, start.inputs(), start.caller());
        int next = 0;
        StepDefinition inDoubt = null;
        StepFailed failure = null;
        for (StepDefinition step : definition.steps()) {
            String id = step.id();
            if (succeeded.containsKey(id)) {
                restore(run, id);
            } else if (failed.containsKey(id)) {
                failure = failed.get(id);
                break;
            } else if (!skipped.contains(id)) {
                inDoubt = started.containsKey(id) ? step : null;
                break;
            }
            next++;
        }
        if (failure != null || !compensationBegun.isEmpty()) {
            String failedStep = failure != null ? failure.stepId() : inDoubt != null ? inDoubt.id() : INTERRUPTED;
            return run.rollback(failedStep, failure != null
                    ? OperationResult.failure(failure.code(), failure.message()) : interrupted(), deadLettered);
        }
        if (definition.forwardRecoverable()) {
            return run.runFrom(next);
        }
        if (inDoubt != null) {
            settleInDoubt(run, runId, inDoubt);
        }
        return run.rollback(inDoubt != null ? inDoubt.id() : INTERRUPTED, interrupted(), deadLettered);
    }

    private void restore(WorkflowRun run, String id) {
        StepSucceeded s = succeeded.get(id);
        if (compensated.contains(id) || deadLettered.contains(id)) {
            run.restoreOutput(id, s.payload());
        } else {
            run.restore(id, s.payload(), started.get(id).compensation(), s.compensation());
        }
    }

    /**
     * A step started and has no outcome. Nothing to undo: leave it. Idempotent: replay it with its key to
     * learn its compensation data. Otherwise: dead-letter it for an operator.
     */
    private void settleInDoubt(WorkflowRun run, String runId, StepDefinition step) {
        StepStarted s = started.get(step.id());
        if (s.compensation().isEmpty()) {
            return;
        }
        if (s.idempotent()) {
            run.runStep(step, Templates.resolve(step.params(), run.context()));
            return;
        }
        String reason = "the step's outcome is unknown after a crash and " + s.operation() + " is not idempotent,"
                + " so it was not replayed; check whether it took effect, undo it by hand, then dismiss this letter";
        engine.append(new DeadLettered(runId, s.stepId(), s.compensation(), Json.object(),
                runId + "/" + s.stepId() + "/compensate", run.caller(), reason, engine.time().now()));
        engine.publish(new WorkflowEvent.DeadLettered(runId, run.definition().name(), s.stepId(), s.compensation(),
                reason));
        deadLettered.add(s.stepId());
    }

    private void fold(JournalRecord record) {
        switch (record) {
            case StepStarted r -> started.put(r.stepId(), r);
            case StepSucceeded r -> succeeded.put(r.stepId(), r);
            case StepFailed r -> failed.put(r.stepId(), r);
            case StepSkipped r -> skipped.add(r.stepId());
            case CompensationStarted r -> compensationBegun.add(r.stepId());
            case CompensationSucceeded r -> compensated.add(r.stepId());
            case DeadLettered r -> deadLettered.add(r.stepId());
            default -> {
                // other records carry nothing recovery needs
            }
        }
    }

    static OperationResult.Failure interrupted() {
        return OperationResult.failure(INTERRUPTED,
                "the coordinator stopped before the workflow finished; recovered from the journal");
    }
}
