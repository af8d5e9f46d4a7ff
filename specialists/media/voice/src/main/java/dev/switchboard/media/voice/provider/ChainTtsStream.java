package dev.switchboard.media.voice.provider;

import dev.switchboard.media.rtc.Resampler;
import dev.switchboard.media.voice.spi.ProviderException;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.media.voice.spi.TtsListener;
import dev.switchboard.media.voice.spi.TtsOptions;
import dev.switchboard.media.voice.spi.TtsStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One reply through a text-to-speech fallback chain. Thread-safe. */
final class ChainTtsStream implements TtsStream {

    private final String chain;
    private final List<TextToSpeech> providers;
    private final Breakers breakers;
    private final int rate;
    private final TtsOptions options;
    private final TtsListener listener;
    private final ChainFailures failures = new ChainFailures();
    private final List<String> pushed = new ArrayList<>();
    private boolean ended;
    private boolean over;
    private Attempt current;

    ChainTtsStream(String chain, List<TextToSpeech> providers, Breakers breakers, int rate, TtsOptions options,
            TtsListener listener) {
        this.chain = chain;
        this.providers = providers;
        this.breakers = breakers;
        this.rate = rate;
        this.options = options;
        this.listener = listener;
    }

    /** Opens the first available provider from {@code from} and replays the text so far. */
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
                TextToSpeech p = providers.get(i);
                Attempt a = new Attempt(i, breakers.now(), p.sampleRate() == rate
                        ? Optional.empty() : Optional.of(Resampler.create(p.sampleRate(), rate)));
                current = a;
                a.stream = p.stream(options, a);
                pushed.forEach(a.stream::pushText);
                if (ended) {
                    a.stream.end();
                }
                return;
            }
            over = true;
            exhausted = failures.exhausted(chain);
        }
        listener.onError(exhausted);
    }

    @Override
    public synchronized void pushText(String text) {
        if (!over) {
            pushed.add(text);
            current.stream.pushText(text);
        }
    }

    @Override
    public synchronized void end() {
        if (!over && !ended) {
            ended = true;
            current.stream.end();
        }
    }

    @Override
    public void cancel() {
        Attempt a;
        synchronized (this) {
            if (over) {
                return;
            }
            over = true;
            a = current;
        }
        breakers.get(a.index).releasePermission();
        a.stream.cancel();
    }

    private synchronized boolean live(Attempt a) {
        return !over && current == a;
    }

    /** One provider's try. */
    private final class Attempt implements TtsListener {
        final int index;
        final long start;
        final Optional<Resampler> resampler;
        TtsStream stream;
        volatile boolean delivered;
        long samples;

        Attempt(int index, long start, Optional<Resampler> resampler) {
            this.index = index;
            this.start = start;
            this.resampler = resampler;
        }

        @Override
        public void onAudio(short[] pcm) {
            if (live(this)) {
                delivered = true;
                short[] out = resampler.map(r -> r.process(pcm)).orElse(pcm);
                samples += out.length;
                if (out.length > 0) {
                    listener.onAudio(out);
                }
            }
        }

        @Override
        public void onAlignment(int textOffset, long audioSamples) {
            if (live(this)) {
                listener.onAlignment(textOffset, samples);
            }
        }

        @Override
        public void onDone() {
            boolean mine;
            synchronized (ChainTtsStream.this) {
                mine = live(this);
                over |= mine;
            }
            if (mine) {
                breakers.success(index, start);
                listener.onDone();
            }
        }

        @Override
        public void onError(ProviderException error) {
            if (!live(this)) {
                return;
            }
            if (error.retryable()) {
                breakers.failure(index, start, error);
            } else {
                breakers.get(index).releasePermission();
            }
            if (delivered || !error.retryable()) {
                synchronized (ChainTtsStream.this) {
                    over = true;
                }
                listener.onError(error);
                return;
            }
            synchronized (ChainTtsStream.this) {
                failures.failed(error);
            }
            next(index + 1);
        }
    }
}
