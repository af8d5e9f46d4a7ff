package dev.switchboard.testkit.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A local server speaking Deepgram's streaming protocol on {@code GET /v1/listen}
 * ({@code Authorization: Token <key>}; linear16 mono audio in binary frames). It sends an interim
 * {@code Results} per 500 ms of audio; at 600 ms of silence after speech (amplitude under 500) a
 * final with {@code speech_final: true}; at {@code Finalize} a final with {@code from_finalize: true}
 * followed by {@code UtteranceEnd}; at {@code CloseStream} a {@code Metadata} message and a normal
 * close. Transcripts come from a script, then from the utterance's duration
 * ({@code "1.25 seconds of audio"}). Thread-safe.
 */
public final class FakeDeepgram implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final FakeHttpServer server = FakeHttpServer.start();
    private final ConcurrentLinkedQueue<String> transcripts = new ConcurrentLinkedQueue<>();
    private final List<String> controls = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile IntFunction<String> transcriber =
        samples -> String.format(Locale.ROOT, "%.2f seconds of audio", samples / 16_000.0);
    private volatile Optional<String> key = Optional.empty();
    private volatile long dropAfterBytes = -1;
    private volatile int dropCode;

    private FakeDeepgram() {
        server.route("GET", "/v1/listen", this::listen);
    }

    /** Starts a fake on a free loopback port. */
    public static FakeDeepgram start() {
        return new FakeDeepgram();
    }

    /** The {@code base_url} to configure: {@code ws://127.0.0.1:port/v1/listen}. */
    public String baseUrl() {
        return server.wsUrl() + "/v1/listen";
    }

    /** Refuses the handshake (HTTP 401, Deepgram's error JSON) unless {@code Token expected}. */
    public FakeDeepgram requireKey(String expected) {
        this.key = Optional.of(expected);
        return this;
    }

    /** Transcripts for the next utterances, in order. */
    public FakeDeepgram enqueueTranscripts(String... texts) {
        transcripts.addAll(List.of(texts));
        return this;
    }

    /** Computes a transcript from an utterance's sample count (at 16 kHz) once the script is used up. */
    public FakeDeepgram transcriber(IntFunction<String> f) {
        this.transcriber = f;
        return this;
    }

    /** After {@code bytes} of audio, ends the stream: a close frame with {@code code}, or a reset when 0. */
    public FakeDeepgram dropAfter(long bytes, int code) {
        this.dropAfterBytes = bytes;
        this.dropCode = code;
        return this;
    }

    /** The control messages received ({@code Finalize}, {@code KeepAlive}, {@code CloseStream}), in order. */
    public List<String> controls() {
        return List.copyOf(controls);
    }

    /** The handshake requests (their query holds the options), oldest first. */
    public List<FakeRequest> requests() {
        return server.requests();
    }

    /** WebSocket connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    @Override
    public void close() {
        server.close();
    }

    private void listen(FakeRequest rq, FakeResponse rs) throws IOException, InterruptedException {
        if (key.isPresent() && !rq.header("authorization").orElse("").equals("Token " + key.get())) {
            rs.json(401, "{\"err_code\":\"INVALID_AUTH\",\"err_msg\":\"Invalid credentials.\","
                    + "\"request_id\":\"fake-request\"}");
            return;
        }
        FakeWebSocket ws = rs.webSocket();
        connections.incrementAndGet();
        new DeepgramSession(ws, this).run();
    }

    String nextTranscript(int samples) {
        String s = transcripts.poll();
        return s != null ? s : transcriber.apply(samples);
    }

    /** The interim text: the first words of what the final will say. */
    String nextTranscriptPreview(int samples) {
        String s = transcripts.peek();
        String full = s != null ? s : transcriber.apply(samples);
        String[] words = full.split(" ");
        return String.join(" ", java.util.Arrays.copyOf(words, Math.max(1, words.length / 2)));
    }

    void control(String type) {
        controls.add(type);
    }

    long dropAfterBytes() {
        return dropAfterBytes;
    }

    int dropCode() {
        return dropCode;
    }

    static ObjectNode results(String text, double start, double duration, boolean isFinal, boolean speechFinal,
            boolean fromFinalize) {
        ObjectNode r = JSON.createObjectNode().put("type", "Results");
        r.putArray("channel_index").add(0).add(1);
        r.put("duration", duration).put("start", start).put("is_final", isFinal).put("speech_final", speechFinal)
                .put("from_finalize", fromFinalize);
        r.putObject("channel").putArray("alternatives").addObject().put("transcript", text)
                .put("confidence", text.isEmpty() ? 0.0 : 0.97).putArray("words");
        r.putObject("metadata").put("request_id", "fake-request");
        return r;
    }

    static Duration poll() {
        return Duration.ofSeconds(30);
    }

    static JsonNode parse(String text) throws IOException {
        return JSON.readTree(text);
    }
}
