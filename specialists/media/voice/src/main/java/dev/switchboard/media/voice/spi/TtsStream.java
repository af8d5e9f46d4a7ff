package dev.switchboard.media.voice.spi;

/**
 * Text going in, audio coming out, for one agent reply. Text arrives in sentence-sized pieces
 * (the session's sentence chunker decides the cuts) so speech starts on the first clause.
 * Not thread-safe for pushes; {@link #cancel()} may be called from any thread.
 */
public interface TtsStream {

    /** Adds text to speak, in order. Must not block. */
    void pushText(String text);

    /** No more text: finish synthesis; {@link TtsListener#onDone()} follows the last audio. */
    void end();

    /** Stops synthesis at once (interruption); no further callbacks. Idempotent. */
    void cancel();
}
