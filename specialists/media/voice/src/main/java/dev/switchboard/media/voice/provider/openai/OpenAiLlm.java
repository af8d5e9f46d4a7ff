package dev.switchboard.media.voice.provider.openai;

import dev.switchboard.media.voice.provider.internal.Http;
import dev.switchboard.media.voice.provider.internal.Redactor;
import dev.switchboard.media.voice.spi.ChatRequest;
import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.LlmCall;
import dev.switchboard.media.voice.spi.LlmListener;
import dev.switchboard.spi.Secret;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/** An OpenAI-compatible chat-completions model. Thread-safe. */
final class OpenAiLlm implements LanguageModel {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    /** What one instance is configured with. */
    record Config(String name, HttpUrl baseUrl, String model, Optional<Secret> apiKey, OptionalDouble temperature,
            OptionalInt maxTokens, boolean includeUsage, Duration connectTimeout, Duration firstTokenTimeout,
            Duration idleTimeout) {
    }

    private final Config config;
    private final OkHttpClient client;
    private final HttpUrl url;
    private final Redactor redactor;

    OpenAiLlm(Config config) {
        this.config = config;
        this.client = Http.client(config.connectTimeout(), config.idleTimeout());
        this.url = config.baseUrl().newBuilder().addPathSegments("chat/completions").build();
        this.redactor = Redactor.of(config.apiKey());
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public LlmCall chat(ChatRequest request, LlmListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        String body = ChatBody.encode(config.model(), request, config.temperature(), config.maxTokens(),
                config.includeUsage()).toString();
        Request.Builder http = new Request.Builder().url(url).post(RequestBody.create(body, JSON_TYPE))
                .header("Accept", "text/event-stream");
        config.apiKey().ifPresent(k -> http.header("Authorization", "Bearer " + k.reveal()));
        ChatStream stream = new ChatStream(config.name(), listener, redactor, config.firstTokenTimeout(),
                config.idleTimeout());
        stream.start(client, http.build());
        return stream;
    }

    @Override
    public String toString() {
        return "OpenAiLlm[" + config.name() + ", " + url + ", model " + config.model() + "]";
    }
}
