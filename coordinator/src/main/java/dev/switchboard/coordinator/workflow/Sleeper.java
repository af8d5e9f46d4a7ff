package dev.switchboard.coordinator.workflow;

import java.time.Duration;

/** Waits between compensation attempts; injected so tests need not wait. Implementations are thread-safe. */
@FunctionalInterface
public interface Sleeper {

    /** Waits {@code duration}; returns early (with the interrupt flag set) when interrupted. */
    void sleep(Duration duration);

    /** {@link Thread#sleep(Duration)}. */
    static Sleeper system() {
        return duration -> {
            try {
                Thread.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
