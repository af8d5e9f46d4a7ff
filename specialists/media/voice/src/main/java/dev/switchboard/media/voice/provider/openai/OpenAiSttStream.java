package dev.switchboard.media.voice.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.media.voice.provider.internal.HttpErrors;
import dev.switchboard.media.voice.provider.internal.Pcm;
import dev.switchboard.media.voice.provider.internal.Redactor;
import dev.switchboard.media.voice.spi.ProviderException;
import dev.switchboard.media.voice.spi.SttListener;
import dev.switchboard.media.voice.spi.SttOptions;
import dev.switchboard.media.voice.spi.SttStream;
import dev.switchboard.media.voice.spi.Transcript;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One session's audio for batch transcription: pushes are buffered (never blocking); each end of
 * speech sends the segment as a WAV file, in order, on the stream's own virtual thread. A segment
 * shorter than 100 ms (the API's minimum) yields an empty final without a request. Thread-safe for
 * {@link #close()}; one thread pushes.
 */
final class OpenAiSttStream implements SttStream {

    private static final MediaType WAV = MediaType.get("audio/wav");

    private final OpenAiStt.Config config;
    private final OkHttpClient client;
    private final HttpUrl url;
    private final Redactor redactor;
    private final SttOptions options;
    private final SttListener listener;
    private final ExecutorService serial = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
    private short[] buffer = new short[16_000];
    private int length;
    private volatile boolean closed;
    private volatile Call inFlight;

    OpenAiSttStream(OpenAiStt.Config config, OkHttpClient client, HttpUrl url, Redactor redactor, SttOptions options,
            SttListener listener) {
        this.config = config;
        this.client = client;
        this.url = url;
        this.redactor = redactor;
        this.options = options;
        this.listener = listener;
    }

    @Override
    public void push(short[] pcm, int offset, int count) {
        if (closed) {
            return;
        }
        int max = config.maxSegmentSeconds() * options.sampleRate();
        int take = Math.min(count, max - length);
        if (take <= 0) {
            return;
        }
        if (length + take > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(max, Math.max(length + take, buffer.length * 2)));
        }
        System.arraycopy(pcm, offset, buffer, length, take);
        length += take;
    }

    @Override
    public void endOfSpeech() {
        if (closed) {
            return;
        }
        short[] segment = Arrays.copyOf(buffer, length);
        length = 0;
        serial.execute(() -> transcribe(segment));
    }

    @Override
    public void clear() {
        length = 0;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Call c = inFlight;
            if (c != null) {
                c.cancel();
            }
            serial.shutdownNow();
        }
    }

    private void transcribe(short[] segment) {
        if (closed) {
            return;
        }
        if (segment.length < options.sampleRate() / 10) {
            listener.onTranscript(new Transcript("", true, 1.0, options.language()));
            return;
        }
        MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("file", "speech.wav",
                        RequestBody.create(Pcm.wav(segment, segment.length, options.sampleRate()), WAV))
                .addFormDataPart("model", config.model())
                .addFormDataPart("response_format", "json");
        if (!options.language().isEmpty()) {
            body.addFormDataPart("language", options.language());
        }
        if (!config.prompt().isEmpty()) {
            body.addFormDataPart("prompt", config.prompt());
        }
        Request.Builder rq = new Request.Builder().url(url).post(body.build());
        config.apiKey().ifPresent(k -> rq.header("Authorization", "Bearer " + k.reveal()));
        Call call = client.newCall(rq.build());
        inFlight = call;
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                fail(HttpErrors.status(config.name(), response, redactor));
                return;
            }
            JsonNode json = ChatBody.JSON.readTree(response.body().string());
            JsonNode text = json.path("text");
            if (!text.isTextual()) {
                fail(new ProviderException(config.name(), "malformed transcription: no \"text\" string", true));
                return;
            }
            if (!closed) {
                listener.onTranscript(new Transcript(text.asText().strip(), true, 1.0, options.language()));
            }
        } catch (IOException e) {
            fail(HttpErrors.io(config.name(), "transcription request", e, redactor));
        }
    }

    private void fail(ProviderException e) {
        if (!closed) {
            closed = true;
            serial.shutdownNow();
            listener.onError(e);
        }
    }
}
