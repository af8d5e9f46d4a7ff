package dev.switchboard.coordinator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.EventPublisher;
import dev.switchboard.spi.Metrics;
import dev.switchboard.spi.Secrets;
import dev.switchboard.spi.SpecialistContext;
import dev.switchboard.spi.TimeSource;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The narrow context one specialist gets. Its {@link #config()} and {@link #locate} follow mode
 * reloads: they are read from the configuration in force at each call (a copy, so the specialist
 * cannot change it).
 * Thread-safe.
 */
final class SpecialistContextImpl implements SpecialistContext {

    private final String specialist;
    private final Function<String, ObjectNode> configs;
    private final BiFunction<String, String, String> locations;
    private final Secrets secrets;
    private final TimeSource time;
    private final Metrics metrics;
    private final System.Logger logger;
    private final EventPublisher events;

    SpecialistContextImpl(String specialist, Function<String, ObjectNode> configs,
            BiFunction<String, String, String> locations, Secrets secrets, TimeSource time, Metrics metrics,
            EventPublisher events) {
        this.specialist = Objects.requireNonNull(specialist, "specialist");
        this.configs = Objects.requireNonNull(configs, "configs");
        this.locations = Objects.requireNonNull(locations, "locations");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.time = Objects.requireNonNull(time, "time");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.logger = System.getLogger("switchboard.specialist." + specialist);
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public String specialist() {
        return specialist;
    }

    @Override
    public ObjectNode config() {
        return configs.apply(specialist).deepCopy();
    }

    @Override
    public String locate(String keyPath) {
        return locations.apply(specialist, Objects.requireNonNull(keyPath, "keyPath"));
    }

    @Override
    public Secrets secrets() {
        return secrets;
    }

    @Override
    public TimeSource time() {
        return time;
    }

    @Override
    public Metrics metrics() {
        return metrics;
    }

    @Override
    public System.Logger logger() {
        return logger;
    }

    @Override
    public EventPublisher events() {
        return events;
    }

    @Override
    public String toString() {
        return "SpecialistContext[" + specialist + "]";
    }
}
