package dev.switchboard.media.voice.provider;

import dev.switchboard.media.voice.spi.ProviderException;
import dev.switchboard.media.voice.spi.TtsListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Records one synthesis stream's callbacks. Thread-safe. */
public final class RecordingTts implements TtsListener {

    /** One alignment report. */
    public record Alignment(int textOffset, long audioSamples) {
    }

    /** The audio chunks, in order. */
    public final List<short[]> chunks = new CopyOnWriteArrayList<>();
    /** The alignment reports, in order. */
    public final List<Alignment> alignments = new CopyOnWriteArrayList<>();
    /** Completes at done, fails at error. */
    public final CompletableFuture<Void> end = new CompletableFuture<>();
    /** Completes at the first audio. */
    public final CompletableFuture<Long> firstAudio = new CompletableFuture<>();
    /** Terminal callbacks so far. */
    public final AtomicInteger terminals = new AtomicInteger();
    private final AtomicLong samples = new AtomicLong();

    @Override
    public void onAudio(short[] pcm) {
        chunks.add(pcm);
        samples.addAndGet(pcm.length);
        firstAudio.complete(System.nanoTime());
    }

    @Override
    public void onAlignment(int textOffset, long audioSamples) {
        alignments.add(new Alignment(textOffset, audioSamples));
    }

    @Override
    public void onDone() {
        terminals.incrementAndGet();
        end.complete(null);
    }

    @Override
    public void onError(ProviderException error) {
        terminals.incrementAndGet();
        end.completeExceptionally(error);
    }

    /** Samples delivered so far. */
    public long samples() {
        return samples.get();
    }

    /** The peak absolute sample value so far. */
    public int peak() {
        int p = 0;
        for (short[] c : chunks) {
            for (short s : c) {
                p = Math.max(p, Math.abs(s));
            }
        }
        return p;
    }

    /** Waits for done. */
    public void awaitDone() throws Exception {
        end.get(20, TimeUnit.SECONDS);
    }

    /** Waits for the error. */
    public ProviderException awaitError() throws Exception {
        try {
            end.get(20, TimeUnit.SECONDS);
            throw new AssertionError("expected an error, got done after " + samples() + " samples");
        } catch (java.util.concurrent.ExecutionException e) {
            return (ProviderException) e.getCause();
        }
    }
}
