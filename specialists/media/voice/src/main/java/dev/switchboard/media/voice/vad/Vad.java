package dev.switchboard.media.voice.vad;

/**
 * A voice activity detector. One instance (and its model) is shared per process; each session
 * opens its own {@link VadStream}, which carries that session's model state. Thread-safe.
 */
public interface Vad extends AutoCloseable {

    /** A short name for reports ({@code silero}, {@code webrtc}). */
    String name();

    /** The input sample rate the streams expect (16000). */
    int sampleRate();

    /** Opens a stream for one audio source; events go to the listener on the pushing thread. */
    VadStream stream(VadOptions options, VadListener listener);

    /** Releases the model. */
    @Override
    void close();
}
