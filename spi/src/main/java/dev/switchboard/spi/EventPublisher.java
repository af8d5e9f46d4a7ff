package dev.switchboard.spi;

/** Publishes events to the coordinator's listeners. Thread-safe; never blocks on slow listeners. */
@Stable(since = "0.1")
@FunctionalInterface
public interface EventPublisher {

    /** Publishes one event. */
    void publish(SwitchboardEvent event);
}
