package dev.switchboard.media.voice.session;

import dev.switchboard.media.voice.spi.Failover;
import dev.switchboard.media.voice.spi.ProviderException;
import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.media.voice.spi.SttListener;
import dev.switchboard.media.voice.spi.SttStream;
import dev.switchboard.media.voice.spi.Transcript;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The session's speech-to-text stream, and its replacement after the stream failed for good (every
 * provider of a chain failed, or a single provider's stream broke). A failed stream is dropped; the
 * next {@link #reopen} opens a new one through the provider (a chain's breakers pick where it starts,
 * so a provider whose breaker is half-open gets its trial). Callbacks of a replaced stream are
 * ignored. Not thread-safe: the session's lane owns it, and provider callbacks are posted to the lane.
 */
final class SttLink {

    private static final System.Logger LOG = System.getLogger(SttLink.class.getName());
    private final AgentSessionImpl session;
    private final SpeechToText provider;
    private final TurnTaking turns;
    private final Consumer<ProviderException> onDown;
    private Optional<SttStream> stream = Optional.empty();
    private int generation;

    /** Opens the first stream; {@code onDown} runs on the lane when the current stream fails for good. */
    SttLink(AgentSessionImpl session, SpeechToText provider, TurnTaking turns, Consumer<ProviderException> onDown) {
        this.session = session;
        this.provider = provider;
        this.turns = turns;
        this.onDown = onDown;
        open();
    }

    /** The provider this link opens its streams on. */
    SpeechToText provider() {
        return provider;
    }

    /** Whether a stream is open (false after a failure until {@link #reopen}). */
    boolean live() {
        return stream.isPresent();
    }

    void push(short[] pcm, int offset, int length) {
        stream.ifPresent(s -> s.push(pcm, offset, length));
    }

    void endOfSpeech() {
        stream.ifPresent(SttStream::endOfSpeech);
    }

    /** When no stream is open: opens one and feeds it {@code replay} (16 kHz); returns whether it did. */
    boolean reopen(short[] replay) {
        if (stream.isPresent()) {
            return false;
        }
        open();
        if (replay.length > 0) {
            push(replay, 0, replay.length);
        }
        return true;
    }

    void close() {
        generation++;
        stream.ifPresent(SttStream::close);
        stream = Optional.empty();
    }

    private void open() {
        int mine = ++generation;
        SessionOptions o = session.options();
        stream = Optional.of(provider.stream(o.sttOptions(), new Listener(mine)));
    }

    private void failed(int from, ProviderException error) {
        if (from != generation || stream.isEmpty()) {
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "STT failed: " + error.getMessage());
        stream.get().close();
        stream = Optional.empty();
        onDown.accept(error);
    }

    /** One stream's callbacks, posted to the lane and dropped once the stream is replaced. */
    private final class Listener implements SttListener {
        private final int from;

        Listener(int from) {
            this.from = from;
        }

        @Override
        public void onTranscript(Transcript transcript) {
            session.lane().execute(() -> {
                if (from == generation) {
                    turns.transcript(transcript);
                }
            });
        }

        @Override
        public void onEndOfUtterance() {
            session.lane().execute(() -> {
                if (from == generation) {
                    turns.sttEndOfUtterance();
                }
            });
        }

        @Override
        public void onError(ProviderException error) {
            session.lane().execute(() -> failed(from, error));
        }

        @Override
        public void onFailover(Failover failover) {
            session.failedOver("stt", failover);
        }
    }
}
