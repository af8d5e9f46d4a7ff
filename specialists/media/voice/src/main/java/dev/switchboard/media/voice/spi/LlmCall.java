package dev.switchboard.media.voice.spi;

/** A running completion. Thread-safe. */
public interface LlmCall {

    /** Stops the completion (the user interrupted); no listener callback follows. Idempotent. */
    void cancel();
}
