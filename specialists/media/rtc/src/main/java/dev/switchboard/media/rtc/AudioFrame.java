package dev.switchboard.media.rtc;

import java.util.Objects;

/**
 * Ten milliseconds (usually) of decoded 16-bit PCM from one remote track. The array is the listener's
 * to keep; it is not reused. Immutable by convention (do not modify {@code samples} if you share it).
 *
 * @param track which remote track the audio came from
 * @param sampleRate samples per second per channel (48 000 for Opus)
 * @param channels interleaved channels in {@code samples}
 * @param samples interleaved signed 16-bit samples
 * @param receivedNanos {@link dev.switchboard.spi.TimeSource#nanos()} when the frame reached Java
 */
public record AudioFrame(RemoteAudioTrack track, int sampleRate, int channels, short[] samples, long receivedNanos) {

    /** Checks the shape of the frame. */
    public AudioFrame {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(samples, "samples");
        if (sampleRate <= 0 || channels <= 0 || samples.length % channels != 0) {
            throw new IllegalArgumentException("bad audio frame: rate " + sampleRate + ", channels " + channels
                    + ", samples " + samples.length);
        }
    }

    /** Samples per channel in this frame. */
    public int samplesPerChannel() {
        return samples.length / channels;
    }
}
