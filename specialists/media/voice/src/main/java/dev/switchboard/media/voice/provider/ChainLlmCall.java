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
final class ChainLlmCall extends ChainAttempts<LanguageModel, LlmCall> implements LlmCall {

    private final ChatRequest request;
    private final LlmListener listener;

    ChainLlmCall(String chain, List<LanguageModel> models, Breakers breakers, ChatRequest request,
            LlmListener listener) {
        super(chain, models, LanguageModel::name, breakers, false, listener, listener::onError);
        this.request = request;
        this.listener = listener;
    }

    @Override
    LlmCall open(LanguageModel model, Attempt<LlmCall> a) {
        return model.chat(request, new Forward(a));
    }

    @Override
    void stop(LlmCall call) {
        call.cancel();
    }

    @Override
    public void cancel() {
        abort();
    }

    /** Forwards one attempt's output while it is the chain's current attempt. */
    private final class Forward implements LlmListener {
        private final Attempt<LlmCall> a;

        Forward(Attempt<LlmCall> a) {
            this.a = a;
        }

        @Override
        public void onTextDelta(String delta) {
            if (deliver(a)) {
                listener.onTextDelta(delta);
            }
        }

        @Override
        public void onToolCall(ToolCall call) {
            if (deliver(a)) {
                listener.onToolCall(call);
            }
        }

        @Override
        public void onComplete(LlmUsage usage) {
            if (succeed(a, true)) {
                listener.onComplete(usage);
            }
        }

        @Override
        public void onError(ProviderException error) {
            fail(a, error);
        }
    }
}
