package dev.switchboard.media.voice.session;

import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.media.voice.spi.SttListener;
import dev.switchboard.media.voice.spi.SttOptions;
import dev.switchboard.media.voice.spi.SttStream;
import dev.switchboard.media.voice.spi.Transcript;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A test batch STT on our own SPI: at each end of speech it "recognises" the next scripted utterance if
 * it heard at least 300 ms of voiced audio since the last one (less is noise: an empty final), after
 * {@code latencyMillis}.
 */
final class ScriptedStt implements SpeechToText {

    final Queue<String> script = new ConcurrentLinkedQueue<>();
    private final long latencyMillis;

    ScriptedStt(long latencyMillis, String... utterances) {
        this.latencyMillis = latencyMillis;
        script.addAll(java.util.List.of(utterances));
    }

    @Override
    public String name() {
        return "scripted-stt";
    }

    @Override
    public boolean streaming() {
        return false;
    }

    @Override
    public SttStream stream(SttOptions options, SttListener listener) {
        return new SttStream() {
            private long voiced;
            private final short[] window = new short[320];
            private int fill;

            @Override
            public void push(short[] pcm, int offset, int length) {
                for (int i = offset; i < offset + length; i++) {
                    window[fill++] = pcm[i];
                    if (fill == window.length) {
                        fill = 0;
                        double sum = 0;
                        for (short s : window) {
                            sum += (double) s * s;
                        }
                        if (Math.sqrt(sum / window.length) > 500) {
                            voiced += window.length;
                        }
                    }
                }
            }

            @Override
            public void endOfSpeech() {
                boolean words = voiced >= 16 * 300;
                voiced = 0;
                String text = words ? java.util.Objects.requireNonNullElse(script.poll(), "") : "";
                Thread.ofVirtual().start(() -> {
                    try {
                        Thread.sleep(latencyMillis);
                    } catch (InterruptedException e) {
                        return;
                    }
                    listener.onTranscript(new Transcript(text, true, 1, "en"));
                });
            }

            @Override
            public void clear() {
                voiced = 0;
            }

            @Override
            public void close() {
            }
        };
    }
}
