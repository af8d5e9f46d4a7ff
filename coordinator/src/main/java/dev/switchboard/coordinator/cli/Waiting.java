package dev.switchboard.coordinator.cli;

import dev.switchboard.spi.SwitchboardEvent;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What {@code run} and {@code workflow run} show on the progress line while they wait: the time the
 * operation (an egress start, a room create on a slow server…) has taken, and for a workflow the steps
 * done and compensated so far (each step shows, whatever the throttle). Shows nothing for the first
 * second. Thread-safe.
 */
final class Waiting implements AutoCloseable {

    private static final long FIRST_MILLIS = 1_000;
    private final ProgressLine line;
    private final String what;
    private final long start = System.nanoTime();
    private final AtomicInteger steps = new AtomicInteger();
    private final AtomicReference<String> last = new AtomicReference<>("");

    private Waiting(ProgressLine line, String what) {
        this.line = line;
        this.what = what;
    }

    /** Starts showing the elapsed time of {@code what} on {@code line}, a second from now. */
    static Waiting start(ProgressLine line, String what) {
        Waiting waiting = new Waiting(line, what);
        line.tick(FIRST_MILLIS, 250, waiting::text);
        return waiting;
    }

    /** Folds a workflow event of this workflow into the line ({@code workflow.step-succeeded}, ...). */
    void on(SwitchboardEvent event) {
        if (!event.data().path("workflow").asText().equals(what)) {
            return;
        }
        String step = event.data().path("step").asText();
        switch (event.type()) {
            case "workflow.step-succeeded" -> {
                steps.incrementAndGet();
                last.set("step " + step + " done");
            }
            case "workflow.step-failed" -> last.set("step " + step + " failed, rolling back");
            case "workflow.compensated" -> last.set("compensated " + step);
            default -> {
                return;
            }
        }
        if (elapsedMillis() >= FIRST_MILLIS) {
            line.last(text());
        }
    }

    String text() {
        String detail = last.get();
        return String.format(Locale.ROOT, "%s: %d s%s", what, elapsedMillis() / 1_000,
                detail.isEmpty() ? "" : ", " + steps.get() + " steps done, " + detail);
    }

    private long elapsedMillis() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Stops the ticker and clears the line before the result prints. */
    @Override
    public void close() {
        line.stop();
    }
}
