package dev.switchboard.media.voice.provider;

import dev.switchboard.media.voice.spi.ChatRequest;
import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.LlmCall;
import dev.switchboard.media.voice.spi.LlmListener;
import dev.switchboard.media.voice.spi.LlmUsage;
import dev.switchboard.media.voice.spi.ProviderException;
import dev.switchboard.media.voice.spi.ToolCall;
import java.util.List;

/** One completion through a fallback chain. Thread-safe. */
final class ChainLlmCall implements LlmCall {

    private final String chain;
    private final List<LanguageModel> models;
    private final Breakers breakers;
    private final ChatRequest request;
    private final LlmListener listener;
    private final ChainFailures failures = new ChainFailures();
    private Attempt current;
    private boolean cancelled;

    ChainLlmCall(String chain, List<LanguageModel> models, Breakers breakers, ChatRequest request,
            LlmListener listener) {
        this.chain = chain;
        this.models = models;
        this.breakers = breakers;
        this.request = request;
        this.listener = listener;
    }

    /** Starts the first available provider from {@code from}, or reports the exhausted chain. */
    void next(int from) {
        for (int i = from; i < models.size(); i++) {
            synchronized (this) {
                if (cancelled) {
                    return;
                }
                if (!breakers.get(i).tryAcquirePermission()) {
                    failures.skipped(models.get(i).name());
                    continue;
                }
                current = new Attempt(i, breakers.now());
            }
            Attempt a = current;
            a.call = models.get(i).chat(request, a);
            return;
        }
        ProviderException e;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            e = failures.exhausted(chain);
        }
        listener.onError(e);
    }

    @Override
    public void cancel() {
        Attempt a;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            a = current;
        }
        if (a != null) {
            breakers.get(a.index).releasePermission();
            if (a.call != null) {
                a.call.cancel();
            }
        }
    }

    private synchronized boolean live(Attempt a) {
        return !cancelled && current == a;
    }

    /** One provider's try; forwards while it is the chain's current attempt. */
    private final class Attempt implements LlmListener {
        final int index;
        final long start;
        volatile LlmCall call;
        volatile boolean delivered;

        Attempt(int index, long start) {
            this.index = index;
            this.start = start;
        }

        @Override
        public void onTextDelta(String delta) {
            if (live(this)) {
                delivered = true;
                listener.onTextDelta(delta);
            }
        }

        @Override
        public void onToolCall(ToolCall call) {
            if (live(this)) {
                delivered = true;
                listener.onToolCall(call);
            }
        }

        @Override
        public void onComplete(LlmUsage usage) {
            if (live(this)) {
                breakers.success(index, start);
                listener.onComplete(usage);
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
                breakers.get(index).releasePermission(); // our request was refused, not the provider's health
            }
            if (delivered || !error.retryable()) {
                listener.onError(error);
                return;
            }
            synchronized (ChainLlmCall.this) {
                failures.failed(error);
            }
            next(index + 1);
        }
    }
}
