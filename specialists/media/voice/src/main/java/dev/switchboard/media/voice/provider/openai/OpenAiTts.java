package dev.switchboard.media.voice.provider.openai;

import dev.switchboard.media.voice.provider.internal.Http;
import dev.switchboard.media.voice.provider.internal.HttpErrors;
import dev.switchboard.media.voice.provider.internal.Pcm;
import dev.switchboard.media.voice.provider.internal.Redactor;
import dev.switchboard.media.voice.provider.internal.SerialTtsStream;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.media.voice.spi.TtsListener;
import dev.switchboard.media.voice.spi.TtsOptions;
import dev.switchboard.media.voice.spi.TtsStream;
import dev.switchboard.spi.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** OpenAI-compatible {@code /audio/speech}, one request per text piece. Immutable, thread-safe. */
final class OpenAiTts implements TextToSpeech {

    static final int SAMPLE_RATE = 24_000;
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final String name;
    private final HttpUrl url;
    private final String model;
    private final String voice;
    private final Optional<Secret> key;
    private final OkHttpClient client;
    private final Redactor redactor;

    OpenAiTts(String name, HttpUrl baseUrl, String model, String voice, Optional<Secret> key, Duration connect,
            Duration idle) {
        this.name = name;
        this.url = baseUrl.newBuilder().addPathSegments("audio/speech").build();
        this.model = model;
        this.voice = voice;
        this.key = key;
        this.client = Http.client(connect, idle);
        this.redactor = Redactor.of(key);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int sampleRate() {
        return SAMPLE_RATE;
    }

    @Override
    public TtsStream stream(TtsOptions options, TtsListener listener) {
        return new Stream(listener, options.voice().isEmpty() ? voice : options.voice(), options.speed());
    }

    /** One reply: a request per piece, the PCM body read as it streams. */
    private final class Stream extends SerialTtsStream {
        private final String streamVoice;
        private final double speed;
        private volatile Call current;

        Stream(TtsListener listener, String streamVoice, double speed) {
            super(name, listener);
            this.streamVoice = streamVoice;
            this.speed = speed;
        }

        @Override
        protected void synthesize(String text, Sink sink) {
            String body = ChatBody.JSON.createObjectNode().put("model", model).put("input", text)
                    .put("voice", streamVoice).put("response_format", "pcm").put("speed", speed).toString();
            Request.Builder rq = new Request.Builder().url(url).post(RequestBody.create(body, JSON_TYPE));
            key.ifPresent(k -> rq.header("Authorization", "Bearer " + k.reveal()));
            Call call = client.newCall(rq.build());
            current = call;
            if (over()) {
                return;
            }
            try (Response response = call.execute()) {
                if (!response.isSuccessful()) {
                    throw HttpErrors.status(name, response, redactor);
                }
                read(response.body().byteStream(), sink);
            } catch (IOException e) {
                if (!over()) {
                    throw HttpErrors.io(name, "speech request", e, redactor);
                }
            }
        }

        private void read(InputStream in, Sink sink) throws IOException {
            byte[] buffer = new byte[4_801];
            int held = 0;
            int n;
            while ((n = in.read(buffer, held, buffer.length - held)) >= 0) {
                held += n;
                int even = held & ~1;
                if (even >= 960 || (n == 0 && even > 0)) {
                    sink.audio(Pcm.toShorts(buffer, 0, even));
                    System.arraycopy(buffer, even, buffer, 0, held - even);
                    held -= even;
                }
            }
            if (held >= 2) {
                sink.audio(Pcm.toShorts(buffer, 0, held & ~1));
            }
        }

        @Override
        protected void abortCurrent() {
            Call c = current;
            if (c != null) {
                c.cancel();
            }
        }
    }
}
