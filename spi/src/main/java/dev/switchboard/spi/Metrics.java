package dev.switchboard.spi;

import java.time.Duration;

/**
 * Counters and timers for specialists, exported by the coordinator (Prometheus at {@code /metrics}).
 * Names are dotted ({@code room.create.calls}); tags come in key/value pairs. Thread-safe.
 */
@Stable(since = "0.1")
public interface Metrics {

    /** Adds one to a counter. */
    void increment(String name, String... tags);

    /** Records one duration in a timer. */
    void record(String name, Duration duration, String... tags);

    /** A sink that records nothing, for tests and tools. */
    static Metrics none() {
        return NoMetrics.INSTANCE;
    }
}
