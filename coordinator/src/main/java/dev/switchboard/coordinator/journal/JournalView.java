package dev.switchboard.coordinator.journal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Read access to a journal: what {@code journal list}, {@code journal show ID} and the dead-letter
 * list print. Implementations are thread-safe.
 */
public interface JournalView {

    /** The journal file. */
    Path file();

    /** Every run in the order it started (workflows and single executes). */
    List<RunSummary> runs();

    /**
     * The records of one run, in the order they were written.
     *
     * @return empty when the journal has no run with that id
     */
    Optional<List<JournalRecord>> records(String runId);

    /**
     * The first step that succeeded with idempotency key {@code key} (a single execute or a workflow
     * step), so that a repeated request can return the recorded result instead of running again.
     */
    Optional<KeyedStep> succeeded(String idempotencyKey);

    /** The dead letters not yet resolved, oldest first. */
    List<JournalRecord.DeadLettered> deadLetters();

    /** The torn or corrupt tail found when the file was opened, if there was one. */
    Optional<CorruptionReport> corruption();
}
