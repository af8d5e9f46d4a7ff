package dev.switchboard.media.voice.vad;

/**
 * One audio source's detector state. Not thread-safe: one platform thread pushes, and the
 * listener is called on that thread, synchronously, before {@link #push} returns.
 */
public interface VadStream extends AutoCloseable {

    /**
     * Adds 16 kHz mono PCM of any length; the detector windows it internally (512 samples for
     * Silero) and carries the remainder. Allocation-free in steady state.
     */
    void push(short[] pcm, int offset, int length);

    /** Whether the detector currently considers the user to be speaking. */
    boolean speaking();

    /**
     * The audio that led up to the latest {@link VadListener#onSpeechStart}: the prefix padding
     * ({@link VadOptions#prefixPadding()}) plus the speech that triggered the start, ending at
     * that event's {@link VadEvent#samplesIndex()} (shorter at the very beginning of a stream).
     * Hand it to STT together with the audio pushed after the event. Empty before the first
     * start; a fresh copy each call. Added after the first contract; the default returns nothing.
     */
    default short[] leadingAudio() {
        return new short[0];
    }

    /** Forgets the state (e.g. after a long pause or a handoff). */
    void reset();

    /** Releases per-stream resources. Idempotent. */
    @Override
    void close();
}
