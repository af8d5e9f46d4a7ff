package dev.switchboard.media.voice.provider.deepgram;

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
import okhttp3.Request;

/** Deepgram streaming transcription. Immutable, thread-safe. */
final class DeepgramStt implements SpeechToText {

    /** What one instance is configured with. */
    record Config(String name, HttpUrl url, Secret apiKey, String model, int endpointingMs, int utteranceEndMs,
            boolean smartFormat, Duration keepAlive, Duration connectTimeout) {
    }

    private final Config config;
    private final OkHttpClient client;
    private final Redactor redactor;

    DeepgramStt(Config config) {
        this.config = config;
        // no read timeout: a quiet user is normal; KeepAlive holds the connection
        this.client = Http.client(config.connectTimeout(), Duration.ZERO);
        this.redactor = Redactor.of(Optional.of(config.apiKey()));
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public boolean streaming() {
        return true;
    }

    @Override
    public SttStream stream(SttOptions options, SttListener listener) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        HttpUrl.Builder url = config.url().newBuilder()
                .setQueryParameter("model", config.model())
                .setQueryParameter("encoding", "linear16")
                .setQueryParameter("sample_rate", Integer.toString(options.sampleRate()))
                .setQueryParameter("channels", "1")
                .setQueryParameter("interim_results", "true")
                .setQueryParameter("punctuate", "true")
                .setQueryParameter("smart_format", Boolean.toString(config.smartFormat()))
                .setQueryParameter("endpointing", Integer.toString(config.endpointingMs()))
                .setQueryParameter("utterance_end_ms", Integer.toString(config.utteranceEndMs()))
                .setQueryParameter("vad_events", "true");
        if (!options.language().isEmpty()) {
            url.setQueryParameter("language", options.language());
        }
        Request request = new Request.Builder().url(url.build())
                .header("Authorization", "Token " + config.apiKey().reveal()).build();
        DeepgramStream s = new DeepgramStream(config.name(), options, listener, redactor, config.keepAlive());
        s.open(client, request);
        return s;
    }
}
