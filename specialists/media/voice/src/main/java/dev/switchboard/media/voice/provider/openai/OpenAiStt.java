package dev.switchboard.media.voice.provider.openai;

import dev.switchboard.media.voice.provider.internal.Http;
import dev.switchboard.media.voice.provider.internal.Redactor;
import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.media.voice.spi.SttListener;
import dev.switchboard.media.voice.spi.SttOptions;
import dev.switchboard.media.voice.spi.SttStream;
import dev.switchboard.spi.Secret;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** OpenAI-compatible batch transcription. Immutable, thread-safe. */
final class OpenAiStt implements SpeechToText {

    /** What one instance is configured with. */
    record Config(String name, HttpUrl baseUrl, String model, Optional<Secret> apiKey, String prompt,
            int maxSegmentSeconds, Duration connectTimeout, Duration timeout) {
    }

    private final Config config;
    private final OkHttpClient client;
    private final HttpUrl url;
    private final Redactor redactor;

    OpenAiStt(Config config) {
        this.config = config;
        this.client = Http.client(config.connectTimeout(), config.timeout()).newBuilder()
                .callTimeout(config.timeout()).build();
        this.url = config.baseUrl().newBuilder().addPathSegments("audio/transcriptions").build();
        this.redactor = Redactor.of(config.apiKey());
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public boolean streaming() {
        return false;
    }

    @Override
    public SttStream stream(SttOptions options, SttListener listener) {
        return new OpenAiSttStream(config, client, url, redactor, Objects.requireNonNull(options, "options"),
                Objects.requireNonNull(listener, "listener"));
    }
}
