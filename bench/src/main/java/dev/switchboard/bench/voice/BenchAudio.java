package dev.switchboard.bench.voice;

import dev.switchboard.media.voice.vad.Vad;
import dev.switchboard.media.voice.vad.VadEvent;
import dev.switchboard.media.voice.vad.VadListener;
import dev.switchboard.media.voice.vad.VadOptions;
import dev.switchboard.media.voice.vad.VadStream;
import java.time.Duration;

/** Test audio and an energy VAD (20 ms windows, RMS threshold) for the voice benchmarks. */
final class BenchAudio {

    private BenchAudio() {
    }

    static short[] tone(double hz, int rate, int millis) {
        short[] pcm = new short[rate * millis / 1000];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return pcm;
    }

    static Vad energyVad() {
        return new Vad() {
            @Override
            public String name() {
                return "bench-energy";
            }

            @Override
            public int sampleRate() {
                return 16_000;
            }

            @Override
            public VadStream stream(VadOptions options, VadListener listener) {
                return new EnergyStream(options, listener);
            }

            @Override
            public void close() {
            }
        };
    }

    private static final class EnergyStream implements VadStream {
        private final VadListener listener;
        private final long minSilence;
        private final short[] window = new short[320];
        private int fill;
        private long index;
        private long run;
        private long speech;
        private boolean speaking;

        EnergyStream(VadOptions options, VadListener listener) {
            this.listener = listener;
            this.minSilence = Math.max(320, options.minSilence().toMillis() * 16);
        }

        @Override
        public void push(short[] pcm, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                window[fill++] = pcm[i];
                index++;
                if (fill == window.length) {
                    fill = 0;
                    double sum = 0;
                    for (short s : window) {
                        sum += (double) s * s;
                    }
                    boolean voiced = Math.sqrt(sum / window.length) > 400;
                    if (voiced == speaking) {
                        run = 0;
                        speech += speaking ? window.length : 0;
                    } else {
                        run += window.length;
                        if (voiced && run >= 640) {
                            speaking = true;
                            speech = run;
                            run = 0;
                            listener.onSpeechStart(new VadEvent(index, Duration.ofMillis(speech / 16),
                                    Duration.ZERO, 1));
                        } else if (!voiced && run >= minSilence) {
                            speaking = false;
                            listener.onSpeechEnd(new VadEvent(index, Duration.ofMillis(speech / 16),
                                    Duration.ofMillis(run / 16), 0));
                            run = 0;
                        }
                    }
                }
            }
        }

        @Override
        public boolean speaking() {
            return speaking;
        }

        @Override
        public void reset() {
            speaking = false;
            run = 0;
        }

        @Override
        public void close() {
        }
    }
}
