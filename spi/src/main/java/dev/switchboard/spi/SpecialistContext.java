package dev.switchboard.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the coordinator hands a specialist: its own configuration, secrets by reference, time,
 * metrics, a logger and an event publisher. Never the plugin manager. Thread-safe.
 */
@Stable(since = "0.1")
public interface SpecialistContext {

    /** The specialist's name. */
    String specialist();

    /** The specialist's configuration section from the modes ({@code [specialists.<name>]}); read-only. */
    ObjectNode config();

    /** Resolves secret references such as {@code ${LIVEKIT_API_SECRET}} or {@code file:/run/secrets/x}. */
    Secrets secrets();

    /** The injected time source; never call {@code System.nanoTime()} in logic. */
    TimeSource time();

    /** Counters and timers, exported with the coordinator's metrics. */
    Metrics metrics();

    /** A logger named after the specialist; the request and workflow ids are in the logging context. */
    System.Logger logger();

    /** Publishes events to the embedded API's listeners. */
    EventPublisher events();
}
