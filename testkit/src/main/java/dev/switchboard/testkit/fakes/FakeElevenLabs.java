package dev.switchboard.testkit.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local server speaking ElevenLabs' text-to-speech stream-input protocol on
 * {@code GET /v1/text-to-speech/{voice}/stream-input?model_id=…&output_format=pcm_16000}: the
 * first message must be a single space (with settings), text messages are buffered and spoken at
 * {@code flush}, at 120 buffered characters, or at the closing empty text; each spoken piece
 * arrives as two messages with base64 PCM (a tone of {@link #millisPerChar} per character) and the
 * {@code alignment} of the characters it covers; the end is {@code isFinal: true} and a normal
 * close. A wrong {@code xi-api-key} gets ElevenLabs' error message and close code 1008.
 * Thread-safe.
 */
public final class FakeElevenLabs implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final FakeHttpServer server = FakeHttpServer.start();
    private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    private volatile Optional<String> key = Optional.empty();
    private volatile int millisPerChar = 20;
    private volatile Duration firstAudioDelay = Duration.ZERO;
    private volatile boolean silent;
    private volatile int disconnectAfterAudio = -1;

    private FakeElevenLabs() {
        server.route("GET", "/v1/text-to-speech/*", this::stream);
    }

    /** Starts a fake on a free loopback port. */
    public static FakeElevenLabs start() {
        return new FakeElevenLabs();
    }

    /** The {@code base_url} to configure: {@code ws://127.0.0.1:port/v1}. */
    public String baseUrl() {
        return server.wsUrl() + "/v1";
    }

    /** Refuses other keys (error message, close 1008). */
    public FakeElevenLabs requireKey(String expected) {
        this.key = Optional.of(expected);
        return this;
    }

    /** Audio per character (default 20 ms). */
    public FakeElevenLabs millisPerChar(int ms) {
        this.millisPerChar = ms;
        return this;
    }

    /** Waits this long before the first audio message of a stream. */
    public FakeElevenLabs firstAudioDelay(Duration d) {
        this.firstAudioDelay = d;
        return this;
    }

    /** Accepts text but never answers (a stalled server). */
    public FakeElevenLabs silent() {
        this.silent = true;
        return this;
    }

    /** Breaks the connection after this many audio messages. */
    public FakeElevenLabs disconnectAfterAudio(int count) {
        this.disconnectAfterAudio = count;
        return this;
    }

    /** Every client message received (all streams), oldest first. */
    public List<JsonNode> messages() {
        return List.copyOf(messages);
    }

    /** The handshake requests, oldest first. */
    public List<FakeRequest> requests() {
        return server.requests();
    }

    @Override
    public void close() {
        server.close();
    }

    private void stream(FakeRequest rq, FakeResponse rs) throws IOException, InterruptedException {
        if (!rq.path().endsWith("/stream-input")) {
            rs.json(404, "{\"detail\":{\"status\":\"not_found\",\"message\":\"no such endpoint\"}}");
            return;
        }
        String format = rq.query().getOrDefault("output_format", "mp3_44100_128");
        if (!format.startsWith("pcm_")) {
            rs.json(400, "{\"detail\":{\"status\":\"invalid_output_format\","
                    + "\"message\":\"this fake speaks pcm only\"}}");
            return;
        }
        FakeWebSocket ws = rs.webSocket();
        boolean keyOk = key.isEmpty() || key.get().equals(rq.header("xi-api-key").orElse(""));
        new ElevenLabsSession(ws, this, Integer.parseInt(format.substring(4)), keyOk).run();
    }

    void record(JsonNode m) {
        messages.add(m);
    }

    int millisPerChar() {
        return millisPerChar;
    }

    Duration firstAudioDelay() {
        return firstAudioDelay;
    }

    boolean isSilent() {
        return silent;
    }

    int disconnectAfterAudio() {
        return disconnectAfterAudio;
    }

    static String audioMessage(byte[] pcm, String chars, int startMs, int millisPerChar) {
        ObjectNode m = JSON.createObjectNode().put("audio", Base64.getEncoder().encodeToString(pcm));
        m.putNull("isFinal");
        ObjectNode alignment = m.putObject("alignment");
        ArrayNode c = alignment.putArray("chars");
        ArrayNode starts = alignment.putArray("charStartTimesMs");
        ArrayNode durations = alignment.putArray("charDurationsMs");
        for (int i = 0; i < chars.length(); i++) {
            c.add(String.valueOf(chars.charAt(i)));
            starts.add(startMs + i * millisPerChar);
            durations.add(millisPerChar);
        }
        m.set("normalizedAlignment", alignment.deepCopy());
        return m.toString();
    }
}
