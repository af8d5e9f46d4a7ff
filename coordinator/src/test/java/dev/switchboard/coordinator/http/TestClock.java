package dev.switchboard.coordinator.http;

import dev.switchboard.spi.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the test moves by hand; starts at the real time. Thread-safe. */
final class TestClock implements TimeSource {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    @Override
    public Instant now() {
        return now.get();
    }

    @Override
    public long nanos() {
        Instant t = now.get();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }
}
