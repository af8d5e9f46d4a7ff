package dev.switchboard.media.voice.provider.openai;

import dev.switchboard.media.voice.provider.internal.Options;
import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.LlmFactory;
import dev.switchboard.media.voice.spi.ProviderSettings;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Builds {@code openai} language models: any server speaking OpenAI chat completions with streamed
 * SSE (OpenAI, Groq, vLLM, Ollama, LM Studio, OpenRouter). Options: {@code model} (required),
 * {@code base_url} (default {@code https://api.openai.com/v1}), {@code api_key} (a reference such as
 * {@code ${OPENAI_API_KEY}}; optional, e.g. for Ollama), {@code temperature}, {@code max_tokens},
 * {@code include_usage} (default true), {@code connect_timeout_ms} (5000),
 * {@code first_token_timeout_ms} (10000), {@code idle_timeout_ms} (10000). Stateless, thread-safe.
 */
@Extension
public final class OpenAiLlmFactory implements LlmFactory {

    private static final Set<String> KEYS = Set.of("model", "base_url", "api_key", "temperature", "max_tokens",
            "include_usage", "connect_timeout_ms", "first_token_timeout_ms", "idle_timeout_ms");

    /** Creates the factory (for ServiceLoader and PF4J). */
    public OpenAiLlmFactory() {
        // stateless
    }

    @Override
    public String type() {
        return "openai";
    }

    @Override
    public LanguageModel create(ProviderSettings settings) {
        Options o = Options.of(settings, KEYS);
        double t = o.number("temperature", -1, 0, 2);
        int maxTokens = o.integer("max_tokens", 0, 1, 1_000_000);
        return new OpenAiLlm(new OpenAiLlm.Config(settings.name(), OpenAiUrls.baseUrl(o), o.requiredString("model"),
                o.secret("api_key"), t < 0 ? OptionalDouble.empty() : OptionalDouble.of(t),
                maxTokens == 0 ? OptionalInt.empty() : OptionalInt.of(maxTokens), o.bool("include_usage", true),
                o.millis("connect_timeout_ms", Duration.ofSeconds(5)),
                o.millis("first_token_timeout_ms", Duration.ofSeconds(10)),
                o.millis("idle_timeout_ms", Duration.ofSeconds(10))));
    }
}
