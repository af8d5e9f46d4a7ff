package dev.switchboard.coordinator.cli;

import dev.switchboard.coordinator.journal.JournalProgress;
import java.util.Locale;

/**
 * Shows how far opening the journal has got on a {@link ProgressLine}: the bytes read (only for
 * journals of a MiB or more: smaller ones read in an instant) and the unfinished runs recovered.
 * Thread-safe (the line is).
 */
final class JournalProgressLine implements JournalProgress {

    private static final long MIB = 1 << 20;
    private final ProgressLine line;

    JournalProgressLine(ProgressLine line) {
        this.line = line;
    }

    @Override
    public void reading(long done, long total) {
        if (total < MIB) {
            return;
        }
        String text = String.format(Locale.ROOT, "journal: reading %.1f of %.1f MiB", done / (double) MIB,
                total / (double) MIB);
        if (done >= total) {
            line.last(text);
        } else {
            line.update(text);
        }
    }

    @Override
    public void recovering(int done, int total, String runId) {
        if (runId.isEmpty()) {
            line.last("journal: recovered " + total + " unfinished run" + (total == 1 ? "" : "s"));
        } else if (done == 0) {
            line.last("journal: recovering " + total + " unfinished run" + (total == 1 ? "" : "s") + ": " + runId);
        } else {
            line.update("journal: recovering run " + (done + 1) + " of " + total + ": " + runId);
        }
    }
}
