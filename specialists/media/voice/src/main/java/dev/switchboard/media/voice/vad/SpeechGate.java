package dev.switchboard.media.voice.vad;

import java.time.Duration;

/**
 * Turns per-window speech probabilities into start and end events: speech needs
 * {@link VadOptions#minSpeech()} of consecutive windows at or above the activation threshold;
 * once speaking, a window counts as speech down to a deactivation threshold 0.15 lower
 * (hysteresis, as LiveKit's Silero plugin does), and {@link VadOptions#minSilence()} of
 * consecutive non-speech windows ends it. Counts samples, so timings are exact multiples of the
 * window. Not thread-safe (owned by one stream).
 */
final class SpeechGate {

    private final VadListener listener;
    private final int sampleRate;
    private final int windowSamples;
    private final float activation;
    private final float deactivation;
    private final long minSpeechSamples;
    private final long minSilenceSamples;

    private long samples;
    private long speechRun;
    private long silenceRun;
    private long segmentStart;
    private boolean speaking;

    SpeechGate(VadOptions options, int sampleRate, int windowSamples, VadListener listener) {
        this.listener = listener;
        this.sampleRate = sampleRate;
        this.windowSamples = windowSamples;
        this.activation = (float) options.activationThreshold();
        this.deactivation = (float) Math.max(options.activationThreshold() - 0.15, 0.01);
        this.minSpeechSamples = toSamples(options.minSpeech(), sampleRate);
        this.minSilenceSamples = toSamples(options.minSilence(), sampleRate);
    }

    static long toSamples(Duration duration, int sampleRate) {
        return duration.toNanos() * sampleRate / 1_000_000_000L;
    }

    /**
     * Takes the next window's probability; returns true when this window started speech (the
     * caller snapshots its leading audio before the listener runs).
     */
    boolean accept(float probability, Runnable beforeStart) {
        samples += windowSamples;
        listener.onProbability(probability);
        boolean speech = probability >= (speaking ? deactivation : activation);
        if (speech) {
            speechRun += windowSamples;
            silenceRun = 0;
            if (!speaking && speechRun >= minSpeechSamples) {
                speaking = true;
                segmentStart = samples - speechRun;
                beforeStart.run();
                listener.onSpeechStart(new VadEvent(samples, duration(speechRun), Duration.ZERO, probability));
                return true;
            }
        } else {
            silenceRun += windowSamples;
            speechRun = 0;
            if (speaking && silenceRun >= minSilenceSamples) {
                speaking = false;
                long spoken = samples - silenceRun - segmentStart;
                listener.onSpeechEnd(new VadEvent(samples, duration(spoken), duration(silenceRun), probability));
            }
        }
        return false;
    }

    /** The speech that triggered the current start, in samples. */
    long triggeringSpeech() {
        return speechRun;
    }

    boolean speaking() {
        return speaking;
    }

    void reset() {
        samples = 0;
        speechRun = 0;
        silenceRun = 0;
        segmentStart = 0;
        speaking = false;
    }

    private Duration duration(long sampleCount) {
        return Duration.ofNanos(sampleCount * 1_000_000_000L / sampleRate);
    }
}
