package dev.switchboard.coordinator.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.journal.JournalRecord;
import dev.switchboard.coordinator.journal.RunState;
import dev.switchboard.coordinator.plugins.SpecialistOperation;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.Compensation;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * One run of one workflow: runs steps from an index, journaling ahead, and rolls back on failure.
 * Also rebuilt by recovery from the journal. Not thread-safe: one thread drives a run.
 */
final class WorkflowRun {

    /** A succeeded step and what undoes it ({@code operation} empty when nothing does). */
    record Done(String stepId, String operation, ObjectNode compensation) {
    }

    /** A step's compensation plan. */
    record Plan(String operation, boolean idempotent) {
    }

    private final Engine engine;
    private final WorkflowDefinition definition;
    private final String runId;
    private final Caller caller;
    private final ObjectNode context = Json.object();
    private final ObjectNode outputs = Json.object();
    private final Deque<Done> done = new ArrayDeque<>();
    private final Compensator compensator;

    WorkflowRun(Engine engine, WorkflowDefinition definition, String runId, ObjectNode inputs, Caller caller) {
        this.engine = engine;
        this.definition = definition;
        this.runId = runId;
        this.caller = caller;
        this.compensator = new Compensator(engine);
        context.set("inputs", inputs.deepCopy());
        context.putObject("steps");
        context.putObject("workflow").put("id", runId).put("name", definition.name());
    }

    /** Restores a step that succeeded before and still needs undoing on rollback (recovery). */
    void restore(String stepId, ObjectNode payload, String compensationOperation, ObjectNode compensation) {
        restoreOutput(stepId, payload);
        done.push(new Done(stepId, compensationOperation, compensation));
    }

    /** Restores a step's output only (its effect was already undone or parked). */
    void restoreOutput(String stepId, ObjectNode payload) {
        outputs.set(stepId, payload.deepCopy());
        ((ObjectNode) context.get("steps")).putObject(stepId).set("output", payload.deepCopy());
    }

    /** Runs steps {@code from} to the end; rolls back when one fails. */
    WorkflowResult runFrom(int from) {
        List<StepDefinition> steps = definition.steps();
        for (int i = from; i < steps.size(); i++) {
            StepDefinition step = steps.get(i);
            if (!step.when().isEmpty() && !Templates.truthy(Templates.resolveText(step.when(), context))) {
                engine.append(new JournalRecord.StepSkipped(runId, step.id(), engine.time().now()));
                engine.publish(new WorkflowEvent.StepSkipped(runId, definition.name(), step.id()));
                continue;
            }
            Optional<OperationResult.Failure> failure = runStep(step, Templates.resolve(step.params(), context));
            if (failure.isPresent()) {
                return rollback(step.id(), failure.get());
            }
        }
        engine.append(new JournalRecord.WorkflowFinished(runId, RunState.COMPLETED, engine.time().now()));
        return finish(new WorkflowResult.Completed(runId, outputs));
    }

    /** Runs one step with its deterministic key; the failure, if it failed. */
    Optional<OperationResult.Failure> runStep(StepDefinition step, ObjectNode params) {
        Plan plan = plan(step);
        String key = runId + "/" + step.id();
        engine.append(new JournalRecord.StepStarted(runId, step.id(), step.operation(), key, params,
                plan.operation(), plan.idempotent(), engine.time().now()));
        OperationResult result = engine.execute(step.operation(), params, caller, key, runId, definition.name());
        switch (result) {
            case OperationResult.Success s -> {
                engine.append(new JournalRecord.StepSucceeded(runId, step.id(), s.payload(), s.compensation(),
                        engine.time().now()));
                restore(step.id(), s.payload(), plan.operation(), s.compensation());
                engine.publish(new WorkflowEvent.StepSucceeded(runId, definition.name(), step.id(), step.operation()));
                return Optional.empty();
            }
            case OperationResult.Failure f -> {
                engine.append(new JournalRecord.StepFailed(runId, step.id(), f.code(), f.message(),
                        engine.time().now()));
                engine.publish(new WorkflowEvent.StepFailed(runId, definition.name(), step.id(), f));
                return Optional.of(f);
            }
        }
    }

    /** Compensates every done step in reverse order, then journals the outcome. */
    WorkflowResult rollback(String failedStep, OperationResult.Failure failure) {
        return rollback(failedStep, failure, new ArrayList<>());
    }

    /** As {@link #rollback(String, OperationResult.Failure)}, with steps already dead-lettered. */
    WorkflowResult rollback(String failedStep, OperationResult.Failure failure, List<String> deadLettered) {
        List<String> compensated = new ArrayList<>();
        List<String> dead = new ArrayList<>(deadLettered);
        while (!done.isEmpty()) {
            Done d = done.pop();
            if (d.operation().isEmpty() || d.compensation().isEmpty()) {
                continue;
            }
            var task = new Compensator.Task(runId, definition.name(), d.stepId(), d.operation(), d.compensation(),
                    caller);
            (compensator.compensate(task) ? compensated : dead).add(d.stepId());
        }
        RunState outcome = dead.isEmpty() ? RunState.ROLLED_BACK : RunState.DEAD_LETTERED;
        engine.append(new JournalRecord.WorkflowFinished(runId, outcome, engine.time().now()));
        return finish(new WorkflowResult.RolledBack(runId, failedStep, failure, compensated, dead));
    }

    private WorkflowResult finish(WorkflowResult result) {
        engine.publish(new WorkflowEvent.Finished(runId, definition.name(), result));
        return result;
    }

    Plan plan(StepDefinition step) {
        Optional<SpecialistOperation> op = engine.catalog().find(step.operation());
        boolean idempotent = op.map(o -> o.descriptor().idempotent()).orElse(false);
        return switch (step.compensation()) {
            case StepDefinition.Disabled off -> new Plan("", idempotent);
            case StepDefinition.ByOperation by -> new Plan(by.operation(), idempotent);
            case StepDefinition.FromOperation from -> new Plan(op.map(o -> o.descriptor().compensation())
                    .filter(c -> c instanceof Compensation.ByOperation)
                    .map(c -> ((Compensation.ByOperation) c).operation()).orElse(""), idempotent);
        };
    }

    Caller caller() {
        return caller;
    }

    WorkflowDefinition definition() {
        return definition;
    }

    /** The context templates resolve against (recovery uses it for resumed steps). */
    ObjectNode context() {
        return context;
    }
}
