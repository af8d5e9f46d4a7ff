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
final class ChainTtsStream extends ChainAttempts<TextToSpeech, TtsStream> implements TtsStream {

    private final int rate;
    private final TtsOptions options;
    private final TtsListener listener;
    private final List<String> pushed = new ArrayList<>();
    private boolean endOfInput;

    ChainTtsStream(String chain, List<TextToSpeech> providers, Breakers breakers, int rate, TtsOptions options,
            TtsListener listener) {
        super(chain, providers, TextToSpeech::name, breakers, true, listener, listener::onError);
        this.rate = rate;
        this.options = options;
        this.listener = listener;
    }

    /** Opens the provider and replays the text so far (under the monitor). */
    @Override
    TtsStream open(TextToSpeech p, Attempt<TtsStream> a) {
        TtsStream s = p.stream(options, new Forward(a, p.sampleRate() == rate
                ? Optional.empty() : Optional.of(Resampler.create(p.sampleRate(), rate))));
        pushed.forEach(s::pushText);
        if (endOfInput) {
            s.end();
        }
        return s;
    }

    @Override
    void stop(TtsStream stream) {
        stream.cancel();
    }

    @Override
    public synchronized void pushText(String text) {
        if (!ended()) {
            pushed.add(text);
            handle().pushText(text);
        }
    }

    @Override
    public synchronized void end() {
        if (!ended() && !endOfInput) {
            endOfInput = true;
            handle().end();
        }
    }

    @Override
    public void cancel() {
        abort();
    }

    /** Forwards one attempt's audio, resampled to the chain's rate, while it is current. */
    private final class Forward implements TtsListener {
        private final Attempt<TtsStream> a;
        private final Optional<Resampler> resampler;
        private long samples;

        Forward(Attempt<TtsStream> a, Optional<Resampler> resampler) {
            this.a = a;
            this.resampler = resampler;
        }

        @Override
        public void onAudio(short[] pcm) {
            if (deliver(a)) {
                short[] out = resampler.map(r -> r.process(pcm)).orElse(pcm);
                samples += out.length;
                if (out.length > 0) {
                    listener.onAudio(out);
                }
            }
        }

        @Override
        public void onAlignment(int textOffset, long audioSamples) {
            if (live(a)) {
                listener.onAlignment(textOffset, samples);
            }
        }

        @Override
        public void onDone() {
            if (succeed(a, true)) {
                listener.onDone();
            }
        }

        @Override
        public void onError(ProviderException error) {
            fail(a, error);
        }
    }
}
