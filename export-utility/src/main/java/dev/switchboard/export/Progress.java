package dev.switchboard.export;

import java.io.PrintWriter;

/**
 * A one-line progress counter on stderr ({@code writing 12/40}) shown only on a terminal, for exports of
 * many files, and never in {@code --output json}. Not thread-safe.
 */
final class Progress {

    private static final int MIN_FILES = 5;

    private final boolean enabled;
    private final PrintWriter err;
    private boolean shown;

    private Progress(boolean enabled, PrintWriter err) {
        this.enabled = enabled;
        this.err = err;
    }

    static Progress forTerminal(boolean json, PrintWriter err) {
        return new Progress(!json && terminal(), err);
    }

    /** Whether stdin/stdout are a terminal ({@code Console.isTerminal()} from JDK 22, else a console at all). */
    private static boolean terminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    void update(int done, int total) {
        if (enabled && total >= MIN_FILES) {
            err.print("\rwriting " + done + "/" + total);
            err.flush();
            shown = true;
        }
    }

    void done() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
