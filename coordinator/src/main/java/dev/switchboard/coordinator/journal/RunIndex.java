package dev.switchboard.coordinator.journal;

import dev.switchboard.coordinator.journal.JournalRecord.DeadLetterResolved;
import dev.switchboard.coordinator.journal.JournalRecord.DeadLettered;
import dev.switchboard.coordinator.journal.JournalRecord.StepFailed;
import dev.switchboard.coordinator.journal.JournalRecord.StepStarted;
import dev.switchboard.coordinator.journal.JournalRecord.StepSucceeded;
import dev.switchboard.coordinator.journal.JournalRecord.WorkflowFinished;
import dev.switchboard.coordinator.journal.JournalRecord.WorkflowStarted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the journal knows about each run (state and record offsets) and which dead letters are open.
 * Not thread-safe: the journal guards it with its lock.
 */
final class RunIndex {

    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final Map<String, DeadLettered> deadLetters = new LinkedHashMap<>();
    /** Started steps awaiting their outcome, by run id and step id: the started record's position and key. */
    private final Map<String, Started> pending = new java.util.HashMap<>();
    /** Positions of the started and succeeded records of the first success for each idempotency key. */
    private final Map<String, long[]> byKey = new java.util.HashMap<>();

    private record Started(long position, String key) {
    }

    /** One run's mutable summary. */
    private static final class Run {
        RunSummary.Kind kind = RunSummary.Kind.EXECUTE;
        String name = "";
        RunState state = RunState.UNFINISHED;
        RunState finished = RunState.UNFINISHED;
        Instant startedAt;
        Instant updatedAt;
        final List<Long> offsets = new ArrayList<>();

        Run(Instant at) {
            startedAt = at;
            updatedAt = at;
        }
    }

    void add(JournalRecord record, long offset) {
        Run run = runs.computeIfAbsent(record.runId(), id -> new Run(record.at()));
        trackKeys(record, offset);
        run.offsets.add(offset);
        run.updatedAt = record.at();
        switch (record) {
            case WorkflowStarted r -> {
                run.kind = RunSummary.Kind.WORKFLOW;
                run.name = r.workflow();
            }
            case StepStarted r when run.kind == RunSummary.Kind.EXECUTE -> run.name = r.operation();
            case StepSucceeded r when run.kind == RunSummary.Kind.EXECUTE -> run.state = RunState.COMPLETED;
            case StepFailed r when run.kind == RunSummary.Kind.EXECUTE -> run.state = RunState.FAILED;
            case DeadLettered r -> deadLetters.put(r.id(), r);
            case DeadLetterResolved r -> deadLetters.remove(r.runId() + "/" + r.stepId());
            case WorkflowFinished r -> run.finished = r.outcome();
            default -> {
                // other records do not change the summary
            }
        }
        if (run.kind == RunSummary.Kind.WORKFLOW) {
            run.state = workflowState(record.runId(), run.finished);
        }
    }

    private void trackKeys(JournalRecord record, long offset) {
        switch (record) {
            case StepStarted r when !r.idempotencyKey().isEmpty() ->
                    pending.put(r.runId() + '\0' + r.stepId(), new Started(offset, r.idempotencyKey()));
            case StepSucceeded r -> {
                Started s = pending.remove(r.runId() + '\0' + r.stepId());
                if (s != null) {
                    byKey.putIfAbsent(s.key(), new long[] {s.position(), offset});
                }
            }
            case StepFailed r -> pending.remove(r.runId() + '\0' + r.stepId());
            default -> {
                // no key to track
            }
        }
    }

    /** The positions of the started and succeeded records of the first success with {@code key}. */
    Optional<long[]> succeededWithKey(String key) {
        long[] positions = byKey.get(key);
        return positions == null ? Optional.empty() : Optional.of(positions.clone());
    }

    private RunState workflowState(String runId, RunState finished) {
        if (finished == RunState.ROLLED_BACK || finished == RunState.DEAD_LETTERED) {
            return hasOpenDeadLetters(runId) ? RunState.DEAD_LETTERED : RunState.ROLLED_BACK;
        }
        return finished;
    }

    private boolean hasOpenDeadLetters(String runId) {
        return deadLetters.values().stream().anyMatch(d -> d.runId().equals(runId));
    }

    List<RunSummary> summaries() {
        List<RunSummary> out = new ArrayList<>(runs.size());
        runs.forEach((id, r) -> out.add(
                new RunSummary(id, r.kind, r.name, r.state, r.startedAt, r.updatedAt, r.offsets.size())));
        return out;
    }

    Optional<List<Long>> offsets(String runId) {
        Run run = runs.get(runId);
        return run == null ? Optional.empty() : Optional.of(List.copyOf(run.offsets));
    }

    List<DeadLettered> deadLetters() {
        return List.copyOf(deadLetters.values());
    }
}
