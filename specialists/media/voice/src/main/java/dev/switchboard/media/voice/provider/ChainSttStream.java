package dev.switchboard.media.voice.provider;

import dev.switchboard.media.voice.spi.ProviderException;
import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.media.voice.spi.SttListener;
import dev.switchboard.media.voice.spi.SttOptions;
import dev.switchboard.media.voice.spi.SttStream;
import dev.switchboard.media.voice.spi.Transcript;
import java.util.Arrays;
import java.util.List;

/** One session's audio through a speech-to-text fallback chain. Thread-safe. */
final class ChainSttStream implements SttStream {

    private static final int MAX_REPLAY_SECONDS = 30;

    private final String chain;
    private final List<SpeechToText> providers;
    private final Breakers breakers;
    private final SttOptions options;
    private final SttListener listener;
    private final ChainFailures failures = new ChainFailures();
    private short[] utterance = new short[16_000];
    private int utteranceLength;
    private boolean endPending;
    private boolean over;
    private Attempt current;

    ChainSttStream(String chain, List<SpeechToText> providers, Breakers breakers, SttOptions options,
            SttListener listener) {
        this.chain = chain;
        this.providers = providers;
        this.breakers = breakers;
        this.options = options;
        this.listener = listener;
    }

    void next(int from) {
        ProviderException exhausted;
        synchronized (this) {
            if (over) {
                return;
            }
            for (int i = from; i < providers.size(); i++) {
                if (!breakers.get(i).tryAcquirePermission()) {
                    failures.skipped(providers.get(i).name());
                    continue;
                }
                Attempt a = new Attempt(i, breakers.now());
                current = a;
                a.stream = providers.get(i).stream(options, a);
                if (utteranceLength > 0) {
                    a.stream.push(utterance, 0, utteranceLength);
                }
                if (endPending) {
                    a.stream.endOfSpeech();
                }
                return;
            }
            over = true;
            exhausted = failures.exhausted(chain);
        }
        listener.onError(exhausted);
    }

    @Override
    public synchronized void push(short[] pcm, int offset, int length) {
        if (over) {
            return;
        }
        int max = MAX_REPLAY_SECONDS * options.sampleRate();
        if (utteranceLength + length <= max) {
            if (utteranceLength + length > utterance.length) {
                utterance = Arrays.copyOf(utterance, Math.min(max, Math.max(utteranceLength + length,
                        utterance.length * 2)));
            }
            System.arraycopy(pcm, offset, utterance, utteranceLength, length);
            utteranceLength += length;
        }
        current.stream.push(pcm, offset, length);
    }

    @Override
    public synchronized void endOfSpeech() {
        if (!over) {
            endPending = true;
            current.stream.endOfSpeech();
        }
    }

    @Override
    public synchronized void clear() {
        if (!over) {
            utteranceLength = 0;
            endPending = false;
            current.stream.clear();
        }
    }

    @Override
    public void close() {
        Attempt a;
        synchronized (this) {
            if (over) {
                return;
            }
            over = true;
            a = current;
        }
        breakers.get(a.index).releasePermission();
        a.stream.close();
    }

    private synchronized boolean live(Attempt a) {
        return !over && current == a;
    }

    private synchronized void finalized() {
        utteranceLength = 0;
        endPending = false;
    }

    /** One provider's try. */
    private final class Attempt implements SttListener {
        final int index;
        final long start;
        SttStream stream;
        boolean judged;

        Attempt(int index, long start) {
            this.index = index;
            this.start = start;
        }

        @Override
        public void onTranscript(Transcript t) {
            if (!live(this)) {
                return;
            }
            if (t.isFinal()) {
                finalized();
                if (!judged) {
                    judged = true;
                    breakers.success(index, start);
                }
            }
            listener.onTranscript(t);
        }

        @Override
        public void onEndOfUtterance() {
            if (live(this)) {
                listener.onEndOfUtterance();
            }
        }

        @Override
        public void onError(ProviderException error) {
            if (!live(this)) {
                return;
            }
            if (!judged) {
                judged = true;
                if (error.retryable()) {
                    breakers.failure(index, start, error);
                } else {
                    breakers.get(index).releasePermission();
                }
            }
            if (stream != null) {
                stream.close();
            }
            if (!error.retryable()) {
                synchronized (ChainSttStream.this) {
                    over = true;
                }
                listener.onError(error);
                return;
            }
            synchronized (ChainSttStream.this) {
                failures.failed(error);
            }
            next(index + 1);
        }
    }
}
