package dev.switchboard.media.voice.provider;

import dev.switchboard.media.voice.spi.ChatRequest;
import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.LlmCall;
import dev.switchboard.media.voice.spi.LlmListener;
import dev.switchboard.spi.TimeSource;
import java.util.List;
import java.util.Objects;

/**
 * Language models tried in order. Each completion starts at the first provider whose circuit
 * breaker is closed (or half-open for its one trial call); a retryable failure before the provider
 * delivered any text or tool call moves on to the next. After output was delivered a failure ends
 * the turn instead: the words are already on their way to the user (and tool calls may have side
 * effects), and another model's reply would not continue the same sentence, so restarting would make
 * the agent repeat or contradict itself. When every provider fails, the error lists each one and why
 * (including those skipped because their breaker is open). Thread-safe.
 */
public final class FallbackLanguageModel implements LanguageModel {

    private final String name;
    private final List<LanguageModel> models;
    private final Breakers breakers;

    private FallbackLanguageModel(String name, List<LanguageModel> models, FallbackOptions options, TimeSource time) {
        this.name = name;
        this.models = models;
        this.breakers = new Breakers(models.stream().map(LanguageModel::name).toList(), options, time);
    }

    /** A chain named {@code name} over {@code models} (at least one), first preferred. */
    public static FallbackLanguageModel of(String name, List<LanguageModel> models, FallbackOptions options,
            TimeSource time) {
        Objects.requireNonNull(name, "name");
        if (models.isEmpty()) {
            throw new IllegalArgumentException("a fallback chain needs at least one language model");
        }
        return new FallbackLanguageModel(name, List.copyOf(models), Objects.requireNonNull(options, "options"),
                Objects.requireNonNull(time, "time"));
    }

    @Override
    public String name() {
        return name;
    }

    /** The providers, in the order they are tried. */
    public List<LanguageModel> providers() {
        return models;
    }

    /** Whether provider {@code index}'s breaker currently lets calls through (closed or half-open). */
    public boolean available(int index) {
        return breakers.get(index).getState() != io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN;
    }

    @Override
    public LlmCall chat(ChatRequest request, LlmListener listener) {
        ChainLlmCall call = new ChainLlmCall(name, models, breakers, Objects.requireNonNull(request, "request"),
                Objects.requireNonNull(listener, "listener"));
        call.next(0);
        return call;
    }
}
