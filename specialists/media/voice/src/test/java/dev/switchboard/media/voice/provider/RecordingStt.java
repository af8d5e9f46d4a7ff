package dev.switchboard.media.voice.provider;

import dev.switchboard.media.voice.spi.ProviderException;
import dev.switchboard.media.voice.spi.SttListener;
import dev.switchboard.media.voice.spi.Transcript;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** Records one speech-to-text stream's callbacks. Thread-safe. */
public final class RecordingStt implements SttListener {

    /** The transcripts, in order. */
    public final List<Transcript> transcripts = new CopyOnWriteArrayList<>();
    /** End-of-utterance signals. */
    public final AtomicInteger endsOfUtterance = new AtomicInteger();
    /** Fails when the stream reports an error. */
    public final CompletableFuture<ProviderException> error = new CompletableFuture<>();

    @Override
    public void onTranscript(Transcript transcript) {
        transcripts.add(transcript);
    }

    @Override
    public void onEndOfUtterance() {
        endsOfUtterance.incrementAndGet();
    }

    @Override
    public void onError(ProviderException e) {
        error.complete(e);
    }

    /** The final transcripts' texts. */
    public List<String> finals() {
        return transcripts.stream().filter(Transcript::isFinal).map(Transcript::text).toList();
    }

    /** Waits until {@code condition} holds for this recorder (fails after the timeout). */
    public void await(Predicate<RecordingStt> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(this)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout + "; transcripts " + transcripts
                        + ", error " + error.getNow(null));
            }
            Thread.sleep(10);
        }
    }

    /** Waits for the error. */
    public ProviderException awaitError() throws Exception {
        return error.get(10, TimeUnit.SECONDS);
    }
}
