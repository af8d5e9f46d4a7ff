package dev.switchboard.coordinator.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.journal.JournalProgress;
import dev.switchboard.coordinator.journal.JournalRecord;
import dev.switchboard.coordinator.journal.RunState;
import dev.switchboard.coordinator.journal.RunSummary;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.FailureCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link WorkflowEngine}. Thread-safe: runs share only the journal and the set of active run ids. */
final class WorkflowEngineImpl implements WorkflowEngine {

    private static final System.Logger LOG = System.getLogger(WorkflowEngine.class.getName());

    private final Engine engine;
    private final Set<String> active = ConcurrentHashMap.newKeySet();

    WorkflowEngineImpl(Engine engine) {
        this.engine = engine;
    }

    @Override
    public WorkflowResult run(WorkflowDefinition definition, ObjectNode inputs, Caller caller) {
        Objects.requireNonNull(definition, "definition");
        return run(definition, inputs, caller, definition.name() + "-" + UUID.randomUUID());
    }

    @Override
    public WorkflowResult run(WorkflowDefinition definition, ObjectNode inputs, Caller caller, String runId) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(runId, "runId");
        WorkflowDefinitions.validate(definition, engine.catalog());
        ObjectNode resolved = Inputs.resolve(definition, inputs);
        if (runId.isBlank() || !active.add(runId)) {
            throw new WorkflowException(FailureCode.CONFLICT, "run id '" + runId + "' is blank or already running");
        }
        try {
            if (engine.journal().records(runId).isPresent()) {
                throw new WorkflowException(FailureCode.CONFLICT, "the journal already has a run '" + runId + "'");
            }
            engine.append(new JournalRecord.WorkflowStarted(runId, definition.name(),
                    WorkflowDefinitions.toTree(definition), resolved, caller, engine.time().now()));
            engine.publish(new WorkflowEvent.Started(runId, definition.name()));
            return new WorkflowRun(engine, definition, runId, resolved, caller).runFrom(0);
        } finally {
            active.remove(runId);
        }
    }

    @Override
    public RecoveryReport recover(JournalProgress progress) {
        List<WorkflowResult> results = new ArrayList<>();
        List<String> executes = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<RunSummary> unfinished = engine.journal().runs().stream()
                .filter(r -> r.state() == RunState.UNFINISHED).toList();
        int done = 0;
        for (RunSummary run : unfinished) {
            if (!active.add(run.runId())) {
                continue;
            }
            progress.recovering(done++, unfinished.size(), run.runId());
            try {
                if (run.kind() == RunSummary.Kind.EXECUTE) {
                    engine.append(new JournalRecord.StepFailed(run.runId(), "execute", "in_doubt",
                            "the coordinator stopped while the operation ran; its effect is unknown",
                            engine.time().now()));
                    executes.add(run.runId());
                } else {
                    List<JournalRecord> records = engine.journal().records(run.runId()).orElse(List.of());
                    results.add(new Recovery(engine).finish(run.runId(), records));
                }
            } catch (IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot recover run " + run.runId() + ": " + e.getMessage());
                skipped.add(run.runId() + ": " + e.getMessage());
            } finally {
                active.remove(run.runId());
            }
        }
        if (!unfinished.isEmpty()) {
            progress.recovering(unfinished.size(), unfinished.size(), "");
        }
        return new RecoveryReport(results, executes, skipped);
    }

    @Override
    public List<JournalRecord.DeadLettered> deadLetters() {
        return engine.journal().deadLetters();
    }

    @Override
    public boolean retryDeadLetter(String id) {
        JournalRecord.DeadLettered letter = find(id);
        String workflow = engine.journal().runs().stream().filter(r -> r.runId().equals(letter.runId()))
                .map(RunSummary::name).findFirst().orElse("");
        return new Compensator(engine).retry(new Compensator.Task(letter.runId(), workflow, letter.stepId(),
                letter.operation(), letter.params(), letter.caller()));
    }

    @Override
    public void dismissDeadLetter(String id, String note) {
        JournalRecord.DeadLettered letter = find(id);
        engine.append(new JournalRecord.DeadLetterResolved(letter.runId(), letter.stepId(),
                "dismissed: " + Objects.requireNonNull(note, "note"), engine.time().now()));
    }

    private JournalRecord.DeadLettered find(String id) {
        Objects.requireNonNull(id, "id");
        return engine.journal().deadLetters().stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new WorkflowException(FailureCode.NOT_FOUND, "no open dead letter '" + id
                        + "' (see journal dead-letters)"));
    }
}
