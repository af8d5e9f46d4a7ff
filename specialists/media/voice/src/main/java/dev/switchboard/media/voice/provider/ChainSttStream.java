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
final class ChainSttStream extends ChainAttempts<SpeechToText, SttStream> implements SttStream {

    private static final int MAX_REPLAY_SECONDS = 30;

    private final SttOptions options;
    private final SttListener listener;
    private short[] utterance = new short[16_000];
    private int utteranceLength;
    private boolean endPending;

    ChainSttStream(String chain, List<SpeechToText> providers, Breakers breakers, SttOptions options,
            SttListener listener) {
        super(chain, providers, SpeechToText::name, breakers, true, listener, listener::onError);
        this.options = options;
        this.listener = listener;
    }

    /** Opens the provider and replays the utterance in progress (under the monitor). */
    @Override
    SttStream open(SpeechToText provider, Attempt<SttStream> a) {
        SttStream s = provider.stream(options, new Forward(a));
        a.handle = s;
        if (utteranceLength > 0) {
            s.push(utterance, 0, utteranceLength);
        }
        if (endPending) {
            s.endOfSpeech();
        }
        return s;
    }

    @Override
    void stop(SttStream stream) {
        stream.close();
    }

    @Override
    void abandoned(SttStream stream) {
        stream.close();
    }

    @Override
    public synchronized void push(short[] pcm, int offset, int length) {
        if (ended()) {
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
        handle().push(pcm, offset, length);
    }

    @Override
    public synchronized void endOfSpeech() {
        if (!ended()) {
            endPending = true;
            handle().endOfSpeech();
        }
    }

    @Override
    public synchronized void clear() {
        if (!ended()) {
            utteranceLength = 0;
            endPending = false;
            handle().clear();
        }
    }

    @Override
    public void close() {
        abort();
    }

    private synchronized void finalized() {
        utteranceLength = 0;
        endPending = false;
    }

    /** Forwards one attempt's transcripts while it is current; its first final judges it a success. */
    private final class Forward implements SttListener {
        private final Attempt<SttStream> a;

        Forward(Attempt<SttStream> a) {
            this.a = a;
        }

        @Override
        public void onTranscript(Transcript t) {
            if (t.isFinal()) {
                if (!succeed(a, false)) {
                    return;
                }
                finalized();
            } else if (!live(a)) {
                return;
            }
            listener.onTranscript(t);
        }

        @Override
        public void onEndOfUtterance() {
            if (live(a)) {
                listener.onEndOfUtterance();
            }
        }

        @Override
        public void onError(ProviderException error) {
            fail(a, error);
        }
    }
}
