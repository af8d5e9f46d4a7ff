package dev.switchboard.media.voice.session;

import dev.switchboard.media.voice.vad.Vad;
import dev.switchboard.media.voice.vad.VadEvent;
import dev.switchboard.media.voice.vad.VadListener;
import dev.switchboard.media.voice.vad.VadOptions;
import dev.switchboard.media.voice.vad.VadStream;
import java.time.Duration;

/**
 * A test VAD on our own SPI: 20 ms windows whose RMS is above a fixed threshold count as speech, with
 * the options' min speech and min silence. Enough for espeak-ng speech and silence in a real room.
 */
final class EnergyVad implements Vad {

    static final int WINDOW = 320;
    private final double threshold;

    EnergyVad(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "test-energy";
    }

    @Override
    public int sampleRate() {
        return 16_000;
    }

    @Override
    public VadStream stream(VadOptions options, VadListener listener) {
        return new Stream(options, listener);
    }

    @Override
    public void close() {
    }

    private final class Stream implements VadStream {
        private final VadListener listener;
        private final long minSpeech;
        private final long minSilence;
        private final short[] window = new short[WINDOW];
        private int fill;
        private long index;
        private long speechRun;
        private long silenceRun;
        private long speechTotal;
        private boolean speaking;

        Stream(VadOptions options, VadListener listener) {
            this.listener = listener;
            this.minSpeech = options.minSpeech().toMillis() * 16;
            this.minSilence = options.minSilence().toMillis() * 16;
        }

        @Override
        public void push(short[] pcm, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                window[fill++] = pcm[i];
                index++;
                if (fill == WINDOW) {
                    fill = 0;
                    window();
                }
            }
        }

        private void window() {
            double sum = 0;
            for (short s : window) {
                sum += (double) s * s;
            }
            boolean voiced = Math.sqrt(sum / WINDOW) > threshold;
            if (voiced) {
                speechRun += WINDOW;
                silenceRun = 0;
                if (speaking) {
                    speechTotal += WINDOW;
                }
            } else {
                silenceRun += WINDOW;
                speechRun = 0;
            }
            if (!speaking && speechRun >= Math.max(minSpeech, WINDOW)) {
                speaking = true;
                speechTotal = speechRun;
                listener.onSpeechStart(new VadEvent(index, ms(speechRun), Duration.ZERO, 1f));
            } else if (speaking && silenceRun >= Math.max(minSilence, WINDOW)) {
                speaking = false;
                listener.onSpeechEnd(new VadEvent(index, ms(speechTotal), ms(silenceRun), 0f));
            }
        }

        private Duration ms(long samples) {
            return Duration.ofMillis(samples / 16);
        }

        @Override
        public boolean speaking() {
            return speaking;
        }

        @Override
        public void reset() {
            speaking = false;
            speechRun = 0;
            silenceRun = 0;
        }

        @Override
        public void close() {
        }
    }
}
