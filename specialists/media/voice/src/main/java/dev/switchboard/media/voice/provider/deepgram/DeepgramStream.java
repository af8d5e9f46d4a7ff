package dev.switchboard.media.voice.provider.deepgram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.media.voice.provider.internal.Http;
import dev.switchboard.media.voice.provider.internal.HttpErrors;
import dev.switchboard.media.voice.provider.internal.Pcm;
import dev.switchboard.media.voice.provider.internal.Redactor;
import dev.switchboard.media.voice.spi.ProviderException;
import dev.switchboard.media.voice.spi.SttListener;
import dev.switchboard.media.voice.spi.SttOptions;
import dev.switchboard.media.voice.spi.SttStream;
import dev.switchboard.media.voice.spi.Transcript;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * One session's Deepgram WebSocket. Audio goes out as binary linear16 frames (OkHttp queues them
 * while connecting, so pushes never block); {@code Results} become interim or final transcripts,
 * {@code speech_final} and {@code UtteranceEnd} become one end of utterance per utterance;
 * end of speech sends {@code Finalize}; a quiet stream sends {@code KeepAlive}; close sends
 * {@code CloseStream}. Results for audio before a {@link #clear()} are dropped by their timestamps.
 * Thread-safe.
 */
final class DeepgramStream extends WebSocketListener implements SttStream {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String provider;
    private final SttOptions options;
    private final SttListener listener;
    private final Redactor redactor;
    private final Duration keepAlive;
    private final AtomicBoolean over = new AtomicBoolean();
    private volatile WebSocket socket;
    private volatile ScheduledFuture<?> keepAliveTask;
    private volatile long lastSentNanos = System.nanoTime();
    private volatile boolean wordsSinceEnd;
    private long pushedSamples;
    private volatile double clearedUntilSeconds;

    DeepgramStream(String provider, SttOptions options, SttListener listener, Redactor redactor, Duration keepAlive) {
        this.provider = provider;
        this.options = options;
        this.listener = listener;
        this.redactor = redactor;
        this.keepAlive = keepAlive;
    }

    void open(OkHttpClient client, Request request) {
        // the timer first: a fast refusal can reach the code that cancels it before this returns
        long period = keepAlive.toMillis();
        keepAliveTask = Http.timers().scheduleAtFixedRate(this::keepAlive, period, period, TimeUnit.MILLISECONDS);
        socket = client.newWebSocket(request, this);
    }

    @Override
    public void push(short[] pcm, int offset, int length) {
        if (over.get() || length == 0) {
            return;
        }
        pushedSamples += length;
        socket.send(ByteString.of(Pcm.toBytes(pcm, offset, length)));
        lastSentNanos = System.nanoTime();
    }

    @Override
    public void endOfSpeech() {
        control("Finalize");
    }

    @Override
    public void clear() {
        clearedUntilSeconds = pushedSamples / (double) options.sampleRate();
    }

    @Override
    public void close() {
        if (over.compareAndSet(false, true)) {
            keepAliveTask.cancel(false);
            socket.send("{\"type\":\"CloseStream\"}");
            socket.close(1000, "session closed");
        }
    }

    private void keepAlive() {
        if (!over.get() && System.nanoTime() - lastSentNanos >= keepAlive.toNanos() / 2) {
            control("KeepAlive");
        }
    }

    private void control(String type) {
        if (!over.get()) {
            socket.send("{\"type\":\"" + type + "\"}");
            lastSentNanos = System.nanoTime();
        }
    }

    @Override
    public void onMessage(WebSocket ws, String text) {
        if (over.get()) {
            return;
        }
        JsonNode m;
        try {
            m = JSON.readTree(text);
        } catch (IOException e) {
            fail(new ProviderException(provider, "malformed message (not JSON)", true));
            return;
        }
        switch (m.path("type").asText()) {
            case "Results" -> results(m);
            case "UtteranceEnd" -> utteranceEnd();
            case "Error" -> fail(new ProviderException(provider, "error from Deepgram: "
                    + redactor.clean(m.path("description").asText(m.path("message").asText(m.toString()))), true));
            default -> {
                // Metadata, SpeechStarted and future message types
            }
        }
    }

    private void results(JsonNode m) {
        double end = m.path("start").asDouble(0) + m.path("duration").asDouble(0);
        if (end <= clearedUntilSeconds + 0.02) {
            return; // audio the session discarded (20 ms of slack for the provider's timestamp rounding)
        }
        JsonNode alt = m.path("channel").path("alternatives").path(0);
        String text = alt.path("transcript").isTextual() ? alt.get("transcript").asText().strip() : "";
        boolean isFinal = m.path("is_final").asBoolean(false);
        if (!text.isEmpty()) {
            wordsSinceEnd = true;
            listener.onTranscript(new Transcript(text, isFinal, alt.path("confidence").asDouble(1.0),
                    options.language()));
        }
        if (m.path("speech_final").asBoolean(false)) {
            utteranceEnd();
        }
    }

    private void utteranceEnd() {
        if (wordsSinceEnd) {
            wordsSinceEnd = false;
            listener.onEndOfUtterance();
        }
    }

    @Override
    public void onClosing(WebSocket ws, int code, String reason) {
        ws.close(1000, null);
        fail(new ProviderException(provider, "the server closed the stream (" + code
                + (reason.isEmpty() ? "" : " " + redactor.clean(reason)) + ")", true));
    }

    @Override
    public void onFailure(WebSocket ws, Throwable t, Response response) {
        fail(HttpErrors.webSocket(provider, t, response, redactor));
    }

    private void fail(ProviderException e) {
        if (over.compareAndSet(false, true)) {
            keepAliveTask.cancel(false);
            socket.cancel();
            listener.onError(e);
        }
    }
}
