package dev.switchboard.coordinator.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The progress of one long command on stderr ({@link ProgressMode}): a line rewritten in place on a
 * terminal and cleared when the command ends, or throttled whole lines in {@code plain} mode, or nothing.
 * Updates come from the command's thread and from the optional {@linkplain #tick ticker}; thread-safe.
 */
public final class ProgressLine implements AutoCloseable {

    private static final long PLAIN_INTERVAL_NANOS = 1_000_000_000L;
    private static final long TTY_INTERVAL_NANOS = 100_000_000L;

    private final ProgressMode mode;
    private final PrintWriter err;
    private long lastShown = Long.MIN_VALUE;
    private String lastText = "";
    private boolean onScreen;
    private boolean closed;
    private ScheduledExecutorService ticker;

    private ProgressLine(ProgressMode mode, PrintWriter err) {
        this.mode = mode;
        this.err = err;
    }

    /**
     * A progress line for a command.
     *
     * @param mode the requested mode; {@code auto} becomes {@code tty} on a terminal and {@code none} otherwise
     * @param json whether the command prints JSON (then nothing shows)
     */
    public static ProgressLine of(ProgressMode mode, boolean json, PrintWriter err) {
        ProgressMode effective = json ? ProgressMode.none
                : mode == ProgressMode.auto ? (terminal() ? ProgressMode.tty : ProgressMode.none) : mode;
        return new ProgressLine(effective, err);
    }

    /** Whether anything will show. */
    public boolean visible() {
        return mode == ProgressMode.tty || mode == ProgressMode.plain;
    }

    /** Shows {@code text} unless a line showed too recently (a terminal: 0.1 s; plain: 1 s). */
    public void update(String text) {
        show(text, false);
    }

    /** Shows {@code text} whatever the throttle (a phase's last word). */
    public void last(String text) {
        show(text, true);
    }

    /**
     * Shows {@code text.get()} every {@code periodMillis} from {@code delayMillis} on, until {@link #close()}:
     * for a wait whose progress is only the time it has taken.
     */
    public synchronized void tick(long delayMillis, long periodMillis, Supplier<String> text) {
        if (!visible() || ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("switchboard-progress").daemon().factory());
        ticker.scheduleAtFixedRate(() -> update(text.get()), delayMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    private synchronized void show(String text, boolean force) {
        if (!visible() || closed || (text.equals(lastText) && !force)) {
            return;
        }
        long now = System.nanoTime();
        long interval = mode == ProgressMode.plain ? PLAIN_INTERVAL_NANOS : TTY_INTERVAL_NANOS;
        if (!force && lastShown != Long.MIN_VALUE && now - lastShown < interval) {
            return;
        }
        lastShown = now;
        lastText = text;
        if (mode == ProgressMode.plain) {
            err.println(text);
        } else {
            err.print("\r" + text + "\033[K");
            onScreen = true;
        }
        err.flush();
    }

    /** Stops the ticker and clears a terminal line; later updates show nothing. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        stop();
    }

    /** Stops the ticker and clears a terminal line, before the command prints its own output. */
    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        lastText = "";
        lastShown = Long.MIN_VALUE;
        if (onScreen) {
            err.print("\r\033[K");
            err.flush();
            onScreen = false;
        }
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
}
