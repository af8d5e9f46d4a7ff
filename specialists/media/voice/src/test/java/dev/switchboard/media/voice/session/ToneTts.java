package dev.switchboard.media.voice.session;

import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.media.voice.spi.TtsListener;
import dev.switchboard.media.voice.spi.TtsOptions;
import dev.switchboard.media.voice.spi.TtsStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test TTS on our own SPI, standing in for a cloud voice: each word becomes {@code wordMillis} of a
 * tone (the frequency tells voices apart) plus 40 ms of silence, delivered faster than real time on a
 * virtual thread with word alignment, after {@code firstByteMillis}.
 */
final class ToneTts implements TextToSpeech {

    static final int RATE = 24_000;
    final List<String> voices = new CopyOnWriteArrayList<>();
    final List<String> texts = new CopyOnWriteArrayList<>();
    private final int wordMillis;
    private final long firstByteMillis;

    ToneTts(int wordMillis, long firstByteMillis) {
        this.wordMillis = wordMillis;
        this.firstByteMillis = firstByteMillis;
    }

    @Override
    public String name() {
        return "tone-tts";
    }

    @Override
    public int sampleRate() {
        return RATE;
    }

    @Override
    public TtsStream stream(TtsOptions options, TtsListener listener) {
        voices.add(options.voice());
        double hz = options.voice().equals("high") ? 660 : 330;
        return new TtsStream() {
            private final StringBuilder all = new StringBuilder();
            private volatile boolean cancelled;
            private long samples;
            private Thread worker = Thread.ofVirtual().unstarted(() -> { });

            @Override
            public synchronized void pushText(String text) {
                texts.add(text);
                int base = all.length();
                all.append(text);
                Thread previous = worker;
                worker = Thread.ofVirtual().start(() -> {
                    join(previous);
                    sleep(firstByteMillis);
                    int offset = base;
                    for (String word : text.split("(?<=\\s)")) {
                        if (cancelled) {
                            return;
                        }
                        offset += word.length();
                        if (word.isBlank()) {
                            continue;
                        }
                        short[] pcm = tone(hz, wordMillis);
                        listener.onAudio(pcm);
                        samples += pcm.length;
                        listener.onAlignment(offset, samples);
                    }
                });
            }

            @Override
            public synchronized void end() {
                Thread previous = worker;
                worker = Thread.ofVirtual().start(() -> {
                    join(previous);
                    if (!cancelled) {
                        listener.onDone();
                    }
                });
            }

            @Override
            public void cancel() {
                cancelled = true;
            }
        };
    }

    static short[] tone(double hz, int millis) {
        int n = RATE * millis / 1000;
        int gap = RATE * 40 / 1000;
        short[] pcm = new short[n + gap];
        for (int i = 0; i < n; i++) {
            pcm[i] = (short) (9000 * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        return pcm;
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
