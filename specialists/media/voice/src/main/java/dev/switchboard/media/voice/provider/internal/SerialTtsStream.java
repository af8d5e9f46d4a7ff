package dev.switchboard.media.voice.provider.internal;

import dev.switchboard.media.voice.spi.ProviderException;
import dev.switchboard.media.voice.spi.TtsListener;
import dev.switchboard.media.voice.spi.TtsStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A synthesis stream for providers that speak one text piece per request or process (OpenAI
 * {@code /audio/speech}, {@code espeak-ng}): pushed pieces queue up and one virtual thread
 * synthesizes them in order, delivering audio as it arrives and a sentence-boundary alignment after
 * each piece. Pushes never block. Thread-safe for {@link #cancel()}; one thread pushes.
 */
public abstract class SerialTtsStream implements TtsStream {

    /** Receives one piece's audio. */
    @FunctionalInterface
    protected interface Sink {
        /** Delivers samples (the array is handed over). */
        void audio(short[] pcm);
    }

    private record Piece(String text, int endOffset) {
    }

    private static final Piece END = new Piece("", -1);

    private final String provider;
    private final TtsListener listener;
    private final LinkedBlockingQueue<Piece> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean over = new AtomicBoolean();
    private int pushedChars;
    private long samples;
    private Thread worker;

    /** A stream of {@code provider} reporting to {@code listener}. */
    protected SerialTtsStream(String provider, TtsListener listener) {
        this.provider = provider;
        this.listener = listener;
    }

    /** Synthesizes one piece, handing audio to {@code sink} as it arrives; blocking. */
    protected abstract void synthesize(String text, Sink sink) throws InterruptedException;

    /** Stops the piece being synthesized now (kill the process, cancel the call). */
    protected abstract void abortCurrent();

    @Override
    public final synchronized void pushText(String text) {
        if (over.get()) {
            return;
        }
        pushedChars += text.length();
        if (!text.isBlank()) {
            queue.add(new Piece(text, pushedChars));
            startWorker();
        }
    }

    @Override
    public final synchronized void end() {
        if (!over.get()) {
            queue.add(END);
            startWorker();
        }
    }

    @Override
    public final void cancel() {
        if (over.compareAndSet(false, true)) {
            abortCurrent();
            Thread w;
            synchronized (this) {
                w = worker;
            }
            if (w != null) {
                w.interrupt();
            }
        }
    }

    /** Whether the stream was cancelled or has finished. */
    protected final boolean over() {
        return over.get();
    }

    /** The provider's configured name. */
    protected final String provider() {
        return provider;
    }

    private void startWorker() {
        if (worker == null) {
            worker = Thread.ofVirtual().name("tts-" + provider).start(this::run);
        }
    }

    private void run() {
        try {
            while (!over.get()) {
                Piece p = queue.take();
                if (p == END) {
                    if (over.compareAndSet(false, true)) {
                        listener.onDone();
                    }
                    return;
                }
                synthesize(p.text(), pcm -> {
                    if (!over.get()) {
                        samples += pcm.length;
                        listener.onAudio(pcm);
                    }
                });
                if (!over.get()) {
                    listener.onAlignment(p.endOffset(), samples);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // cancelled
        } catch (ProviderException e) {
            if (over.compareAndSet(false, true)) {
                listener.onError(e);
            }
        } catch (RuntimeException e) {
            // never leave the session waiting in silence: any surprise ends the stream with an error
            if (over.compareAndSet(false, true)) {
                listener.onError(new ProviderException(provider, "synthesis failed: " + e, false));
            }
        }
    }
}
