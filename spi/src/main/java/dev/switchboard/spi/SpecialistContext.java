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

    /**
     * Where a key of {@link #config()} is written, for errors an operator can go straight to:
     * {@code modes/media.toml:12:specialists.media.providers.groq.api-key}. {@code keyPath} is relative to
     * {@code [specialists.<name>]} (dotted, with list indexes such as {@code routes[1].to}; empty for the
     * table itself); a key without a line of its own (defaulted) gets its nearest enclosing key's line.
     * The default, for contexts that know no files, is the key path alone
     * ({@code specialists.media.providers.groq.api-key}).
     *
     * @since 0.2
     */
    default String locate(String keyPath) {
        String table = "specialists." + specialist();
        return keyPath.isEmpty() ? table : table + "." + keyPath;
    }

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
