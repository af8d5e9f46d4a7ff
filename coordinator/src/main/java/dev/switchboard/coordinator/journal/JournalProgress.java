package dev.switchboard.coordinator.journal;

/**
 * Hears how far the long journal phases at start have got: reading the file (bytes) and recovering the
 * runs a crash left unfinished (runs). The CLI shows it as a progress line on a terminal; an embedding
 * host may log it. Calls come from the thread that opens the coordinator, in order; an implementation
 * must return quickly and not throw.
 */
public interface JournalProgress {

    /** Hears nothing. */
    JournalProgress NONE = new JournalProgress() {
    };

    /**
     * Reading the journal file: {@code done} of {@code total} bytes read. Called at most once per MiB
     * read and once at the end.
     */
    default void reading(long done, long total) {
    }

    /**
     * Recovering unfinished runs: {@code done} of {@code total} finished; {@code runId} is the run
     * about to be recovered, or empty once all are.
     */
    default void recovering(int done, int total, String runId) {
    }
}
