package dev.switchboard.spi;

import java.time.Instant;

/** Wall and monotonic time, injected so tests can control it. Implementations are thread-safe. */
@Stable(since = "0.1")
public interface TimeSource {

    /** The wall-clock time. */
    Instant now();

    /** A monotonic reading in nanoseconds, for durations only. */
    long nanos();

    /** The system clock. */
    static TimeSource system() {
        return SystemTime.INSTANCE;
    }
}
