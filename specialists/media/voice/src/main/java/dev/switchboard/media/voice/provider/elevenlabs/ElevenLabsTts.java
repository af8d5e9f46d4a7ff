package dev.switchboard.media.voice.provider.elevenlabs;

import dev.switchboard.media.voice.provider.internal.Http;
import dev.switchboard.media.voice.provider.internal.Redactor;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.media.voice.spi.TtsListener;
import dev.switchboard.media.voice.spi.TtsOptions;
import dev.switchboard.media.voice.spi.TtsStream;
import dev.switchboard.spi.Secret;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/** ElevenLabs stream-input text-to-speech, one WebSocket per reply. Immutable, thread-safe. */
final class ElevenLabsTts implements TextToSpeech {

    /** What one instance is configured with. */
    record Config(String name, HttpUrl baseUrl, Secret apiKey, String voice, String model, int sampleRate,
            double stability, double similarityBoost, Duration connectTimeout, Duration idleTimeout) {
    }

    private final Config config;
    private final OkHttpClient client;
    private final Redactor redactor;

    ElevenLabsTts(Config config) {
        this.config = config;
        this.client = Http.client(config.connectTimeout(), Duration.ZERO);
        this.redactor = Redactor.of(Optional.of(config.apiKey()));
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public int sampleRate() {
        return config.sampleRate();
    }

    @Override
    public TtsStream stream(TtsOptions options, TtsListener listener) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        String voice = options.voice().isEmpty() ? config.voice() : options.voice();
        HttpUrl url = config.baseUrl().newBuilder().addPathSegment("text-to-speech").addPathSegment(voice)
                .addPathSegment("stream-input")
                .setQueryParameter("model_id", config.model())
                .setQueryParameter("output_format", "pcm_" + config.sampleRate())
                .setQueryParameter("sync_alignment", "true")
                .build();
        if (!options.language().isEmpty() && config.model().contains("v2_5")) {
            url = url.newBuilder().setQueryParameter("language_code", options.language()).build();
        }
        Request request = new Request.Builder().url(url).header("xi-api-key", config.apiKey().reveal()).build();
        ElevenLabsStream s = new ElevenLabsStream(config.name(), listener, redactor, config.idleTimeout());
        s.open(client, request, ElevenLabsMessages.beginning(options.speed(), config.stability(),
                config.similarityBoost()));
        return s;
    }
}
