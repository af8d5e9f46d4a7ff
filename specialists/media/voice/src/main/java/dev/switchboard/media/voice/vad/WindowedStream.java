package dev.switchboard.media.voice.vad;

import java.util.Objects;

/**
 * The part every detector shares: cuts pushed PCM into fixed windows (carrying the remainder),
 * asks the subclass for each window's speech probability, feeds the {@link SpeechGate}, and keeps
 * the recent audio for {@link #leadingAudio()}. Allocation-free in steady state. Not thread-safe:
 * one thread pushes.
 */
abstract class WindowedStream implements VadStream {

    private final short[] window;
    private final SpeechGate gate;
    private final RecentAudio recent;
    private final long prefixSamples;
    private final Runnable snapshot = this::snapshotLeading;
    private int filled;
    private boolean closed;

    WindowedStream(VadOptions options, VadListener listener, int sampleRate, int windowSamples) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        this.window = new short[windowSamples];
        this.gate = new SpeechGate(options, sampleRate, windowSamples, listener);
        this.prefixSamples = SpeechGate.toSamples(options.prefixPadding(), sampleRate);
        long minSpeech = SpeechGate.toSamples(options.minSpeech(), sampleRate);
        this.recent = new RecentAudio(Math.toIntExact(prefixSamples + minSpeech + 2L * windowSamples));
    }

    /** The speech probability of one full window (0..1); the subclass carries its own state. */
    abstract float probability(short[] window);

    /** Clears the subclass's model state. */
    abstract void resetModel();

    /** Releases the subclass's resources (called once). */
    abstract void release();

    @Override
    public final void push(short[] pcm, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, pcm.length);
        if (closed) {
            throw new IllegalStateException("push on a closed VAD stream");
        }
        while (length > 0) {
            int n = Math.min(length, window.length - filled);
            System.arraycopy(pcm, offset, window, filled, n);
            recent.add(pcm, offset, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == window.length) {
                filled = 0;
                gate.accept(probability(window), snapshot);
            }
        }
    }

    private void snapshotLeading() {
        recent.snapshot(prefixSamples + gate.triggeringSpeech());
    }

    @Override
    public final boolean speaking() {
        return gate.speaking();
    }

    @Override
    public final short[] leadingAudio() {
        return recent.leading();
    }

    @Override
    public final void reset() {
        filled = 0;
        gate.reset();
        recent.clear();
        resetModel();
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }
}
