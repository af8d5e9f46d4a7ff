package dev.switchboard.media.rtc;

/**
 * Converts mono 16-bit PCM from one sample rate to another (for example the 48 kHz frames of
 * {@link AudioFrame} to the 16 kHz a VAD or STT wants, or 24 kHz TTS output to the 48 kHz
 * {@link LocalAudioTrack#write} takes). Polyphase windowed-sinc (Blackman) filter, so no aliasing
 * above the lower Nyquist frequency. Stateful — keep one per stream and feed it consecutive chunks.
 * Not thread-safe.
 */
public interface Resampler {

    /**
     * A resampler from {@code fromRate} to {@code toRate} Hz (each 8 000..192 000).
     *
     * @throws IllegalArgumentException naming the rate that is out of range
     */
    static Resampler create(int fromRate, int toRate) {
        return new PolyphaseResampler(fromRate, toRate);
    }

    /** Resamples the next chunk; the output length follows the rate ratio across calls. */
    short[] process(short[] samples);
}
