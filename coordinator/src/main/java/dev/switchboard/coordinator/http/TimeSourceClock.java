package dev.switchboard.coordinator.http;

import dev.switchboard.spi.TimeSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A {@link Clock} reading an injected {@link TimeSource} (for java-jwt's expiry checks). Immutable. */
final class TimeSourceClock extends Clock {

    private final TimeSource time;

    TimeSourceClock(TimeSource time) {
        this.time = time;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return time.now();
    }
}
