package dev.switchboard.media.rtc.worker;

/** Where an {@link AgentWorker} is in its life. */
public enum WorkerState {
    /** Built, {@link AgentWorker#start()} not called yet. */
    NEW,
    /** Opening the {@code /agent} WebSocket or waiting for the registration answer. */
    CONNECTING,
    /** Registered: the server offers jobs. */
    REGISTERED,
    /** The WebSocket was lost; reconnecting with backoff. Running jobs go on. */
    RECONNECTING,
    /** Refusing new jobs and waiting for running ones ({@link AgentWorker#drain}). */
    DRAINING,
    /** Closed: deregistered, every job ended. */
    CLOSED
}
