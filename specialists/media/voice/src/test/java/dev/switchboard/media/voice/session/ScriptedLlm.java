package dev.switchboard.media.voice.session;

import dev.switchboard.media.voice.spi.ChatRequest;
import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.LlmCall;
import dev.switchboard.media.voice.spi.LlmListener;
import dev.switchboard.media.voice.spi.LlmUsage;
import dev.switchboard.media.voice.spi.ProviderException;
import dev.switchboard.media.voice.spi.ToolCall;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A test LLM on our own SPI: a function of the request decides the reply — text deltas, tool calls,
 * or a failure — streamed on a virtual thread after {@code ttftMillis}. Records every request.
 */
final class ScriptedLlm implements LanguageModel {

    /** One piece of a scripted reply. */
    sealed interface Step {
    }

    /** A text delta. */
    record Text(String delta) implements Step {
    }

    /** A tool call. */
    record Call(String name, String arguments) implements Step {
    }

    /** The provider fails. */
    record Fail(String message) implements Step {
    }

    final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private final String name;
    private final long ttftMillis;
    private final Function<ChatRequest, List<Step>> script;

    ScriptedLlm(String name, long ttftMillis, Function<ChatRequest, List<Step>> script) {
        this.name = name;
        this.ttftMillis = ttftMillis;
        this.script = script;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LlmCall chat(ChatRequest request, LlmListener listener) {
        requests.add(request);
        List<Step> steps = script.apply(request);
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(ttftMillis);
                int calls = 0;
                for (Step s : steps) {
                    switch (s) {
                        case Text text -> listener.onTextDelta(text.delta());
                        case Call call -> listener.onToolCall(new ToolCall("call_" + ++calls, call.name(),
                                call.arguments()));
                        case Fail fail -> {
                            listener.onError(new ProviderException(name, fail.message(), true));
                            return;
                        }
                    }
                    Thread.sleep(5);
                }
                listener.onComplete(LlmUsage.NONE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return t::interrupt;
    }
}
