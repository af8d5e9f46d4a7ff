package dev.switchboard.spi;

import java.time.Instant;

/** The system's clocks. Stateless, thread-safe. */
enum SystemTime implements TimeSource {
    INSTANCE;

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public long nanos() {
        return System.nanoTime();
    }
}
