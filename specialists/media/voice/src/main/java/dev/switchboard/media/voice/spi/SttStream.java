package dev.switchboard.media.voice.spi;

/**
 * One session's audio going to a speech-to-text provider. Not thread-safe: one thread (the
 * session's audio thread) pushes; {@link #close()} may be called from any thread.
 */
public interface SttStream extends AutoCloseable {

    /**
     * Adds audio at {@link SttOptions#sampleRate()}. Must not block: network I/O happens on the
     * provider's own threads. The array may be reused by the caller after this returns.
     */
    void push(short[] pcm, int offset, int length);

    /**
     * The VAD says the user stopped speaking: a batch provider transcribes what it has and
     * delivers a final transcript; a streaming provider finalizes (e.g. Deepgram's Finalize).
     */
    void endOfSpeech();

    /** Drops any buffered audio without transcribing it (e.g. the agent discards an echo). */
    void clear();

    /** Releases the connection; later pushes are ignored. Idempotent. */
    @Override
    void close();
}
