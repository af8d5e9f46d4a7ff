package dev.switchboard.coordinator.journal;

import java.time.Instant;
import java.util.Objects;

/**
 * One run as {@code journal list} shows it. Immutable.
 *
 * @param runId the workflow run id or, for a single execute, the request id
 * @param kind whether it is a workflow run or a single execute
 * @param name the workflow name, or the operation of a single execute
 * @param state where it stands
 * @param startedAt when its first record was written
 * @param updatedAt when its last record was written
 * @param records how many records it has
 */
public record RunSummary(
        String runId, Kind kind, String name, RunState state, Instant startedAt, Instant updatedAt, int records) {

    /** What kind of run it is. */
    public enum Kind {
        /** A workflow run ({@code WorkflowStarted} …). */
        WORKFLOW,
        /** A single {@code execute} call journaled by the coordinator. */
        EXECUTE
    }

    /** Validates that every part is present. */
    public RunSummary {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
