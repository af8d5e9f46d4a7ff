package dev.switchboard.spi;

import java.time.Duration;

/** Metrics that go nowhere. Stateless, thread-safe. */
enum NoMetrics implements Metrics {
    INSTANCE;

    @Override
    public void increment(String name, String... tags) {
        // nothing to record
    }

    @Override
    public void record(String name, Duration duration, String... tags) {
        // nothing to record
    }
}
