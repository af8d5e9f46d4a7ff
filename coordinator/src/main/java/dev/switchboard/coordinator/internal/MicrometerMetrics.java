package dev.switchboard.coordinator.internal;

import dev.switchboard.spi.Metrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.Objects;

/**
 * A specialist's {@link Metrics}, backed by the coordinator's Micrometer registry; every meter gets
 * the tag {@code specialist=<name>}. Thread-safe.
 */
final class MicrometerMetrics implements Metrics {

    private final MeterRegistry registry;
    private final Tags base;

    MicrometerMetrics(MeterRegistry registry, String specialist) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.base = Tags.of("specialist", specialist);
    }

    @Override
    public void increment(String name, String... tags) {
        registry.counter(name, base.and(checked(tags))).increment();
    }

    @Override
    public void record(String name, Duration duration, String... tags) {
        registry.timer(name, base.and(checked(tags))).record(duration);
    }

    private static Tags checked(String... tags) {
        if (tags.length % 2 != 0) {
            throw new IllegalArgumentException("tags come in key/value pairs, got " + tags.length + " strings");
        }
        return Tags.of(tags);
    }
}
