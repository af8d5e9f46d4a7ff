package dev.switchboard.media.voice.provider;

import dev.switchboard.media.voice.spi.Failover;
import dev.switchboard.media.voice.spi.LlmListener;
import dev.switchboard.media.voice.spi.LlmUsage;
import dev.switchboard.media.voice.spi.ProviderException;
import dev.switchboard.media.voice.spi.ToolCall;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Records one completion's callbacks. Thread-safe. */
public final class RecordingLlm implements LlmListener {

    /** The text deltas, in order. */
    public final List<String> deltas = new CopyOnWriteArrayList<>();
    /** The tool calls, in order. */
    public final List<ToolCall> toolCalls = new CopyOnWriteArrayList<>();
    /** Completes with the usage or fails with the provider error. */
    public final CompletableFuture<LlmUsage> end = new CompletableFuture<>();
    /** The chain's failovers, in order. */
    public final List<Failover> failovers = new CopyOnWriteArrayList<>();
    /** How many terminal callbacks arrived (must end as 1). */
    public final AtomicInteger terminals = new AtomicInteger();

    @Override
    public void onTextDelta(String delta) {
        deltas.add(delta);
    }

    @Override
    public void onFailover(Failover failover) {
        failovers.add(failover);
    }

    @Override
    public void onToolCall(ToolCall call) {
        toolCalls.add(call);
    }

    @Override
    public void onComplete(LlmUsage usage) {
        terminals.incrementAndGet();
        end.complete(usage);
    }

    @Override
    public void onError(ProviderException error) {
        terminals.incrementAndGet();
        end.completeExceptionally(error);
    }

    /** The text so far. */
    public String text() {
        return String.join("", deltas);
    }

    /** Waits for the end and returns the usage. */
    public LlmUsage awaitComplete() throws Exception {
        return end.get(10, TimeUnit.SECONDS);
    }

    /** Waits for the end and returns the error (fails when it completed). */
    public ProviderException awaitError(Duration timeout) throws Exception {
        try {
            LlmUsage u = end.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("expected an error, completed with " + u + " text '" + text() + "'");
        } catch (java.util.concurrent.ExecutionException e) {
            return (ProviderException) e.getCause();
        }
    }
}
