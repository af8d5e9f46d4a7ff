package dev.switchboard.qualitygates;

import dev.switchboard.spi.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** A time source the test moves by hand; wall and monotonic time advance together. Thread-safe. */
final class ManualTime implements TimeSource {

    private final Instant start;
    private final AtomicLong elapsed = new AtomicLong();

    ManualTime(Instant start) {
        this.start = start;
    }

    void advance(Duration d) {
        elapsed.addAndGet(d.toNanos());
    }

    @Override
    public Instant now() {
        return start.plusNanos(elapsed.get());
    }

    @Override
    public long nanos() {
        return 1_000_000_000L + elapsed.get();
    }
}
