package dev.switchboard.coordinator.journal;

/** Where a journaled run (a workflow or a single execute) stands, as far as the journal knows. */
public enum RunState {
    /** Started and not finished: running now, or interrupted by a crash (recovery looks at these). */
    UNFINISHED,
    /** Every step ran (workflow) or the operation succeeded (execute). */
    COMPLETED,
    /** The single operation failed (execute only; a failed workflow step leads to a rollback instead). */
    FAILED,
    /** A step failed or the run was interrupted, and every effect was compensated. */
    ROLLED_BACK,
    /** Rolled back, but at least one compensation kept failing and waits in the dead-letter list. */
    DEAD_LETTERED;

    /** The lower-kebab name used by the CLI ({@code rolled-back}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #label()}. */
    static RunState ofLabel(String label) {
        return valueOf(label.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
