package dev.switchboard.testkit.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * A local server speaking the OpenAI API's wire protocol for the three endpoints voice agents use:
 * {@code POST /v1/chat/completions} (streamed SSE chunks with tool-call deltas, usage and
 * {@code [DONE]}), {@code POST /v1/audio/transcriptions} (multipart WAV in, {@code {"text":…}} out)
 * and {@code POST /v1/audio/speech} (raw 24 kHz PCM streamed). Replies are scripted per request or
 * computed; with {@link #requireKey} it refuses other keys with a 401 that, like the real API,
 * quotes the wrong key. Thread-safe.
 */
public final class FakeOpenAi implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final FakeHttpServer server = FakeHttpServer.start();
    private final ConcurrentLinkedQueue<ChatReply> chatScript = new ConcurrentLinkedQueue<>();
    private volatile Function<FakeRequest, ChatReply> chatDefault = FakeOpenAi::echo;
    private volatile Optional<String> key = Optional.empty();
    private final FakeOpenAiAudio audio = new FakeOpenAiAudio();

    private FakeOpenAi() {
        server.route("POST", "/v1/chat/completions", this::chat);
        server.route("POST", "/v1/audio/transcriptions", (rq, rs) -> {
            if (authorized(rq, rs)) {
                audio.transcribe(rq, rs);
            }
        });
        server.route("POST", "/v1/audio/speech", (rq, rs) -> {
            if (authorized(rq, rs)) {
                audio.speak(rq, rs);
            }
        });
    }

    /** Starts a fake on a free loopback port. */
    public static FakeOpenAi start() {
        return new FakeOpenAi();
    }

    /** The {@code base_url} to configure: {@code http://127.0.0.1:port/v1}. */
    public String baseUrl() {
        return server.httpUrl() + "/v1";
    }

    /** Replies for the next chat requests, in order; after them {@link #chatDefault} answers. */
    public FakeOpenAi enqueueChat(ChatReply... replies) {
        chatScript.addAll(List.of(replies));
        return this;
    }

    /** Computes replies once the script is used up (default: "You said: <last user message>"). */
    public FakeOpenAi chatDefault(Function<FakeRequest, ChatReply> reply) {
        this.chatDefault = reply;
        return this;
    }

    /** The audio endpoints' scripts (transcripts, speech timing and errors). */
    public FakeOpenAiAudio audio() {
        return audio;
    }

    /** Refuses requests whose {@code Authorization} is not {@code Bearer key}. */
    public FakeOpenAi requireKey(String expected) {
        this.key = Optional.of(expected);
        return this;
    }

    /** Every request received, oldest first. */
    public List<FakeRequest> requests() {
        return server.requests();
    }

    /** The chat requests received, oldest first. */
    public List<FakeRequest> chatRequests() {
        return server.requests().stream().filter(r -> r.path().endsWith("/chat/completions")).toList();
    }

    @Override
    public void close() {
        server.close();
    }

    private boolean authorized(FakeRequest rq, FakeResponse rs) throws IOException {
        if (key.isEmpty()) {
            return true;
        }
        String given = rq.header("authorization").orElse("");
        if (given.equals("Bearer " + key.get())) {
            return true;
        }
        String shown = given.startsWith("Bearer ") ? given.substring(7) : "(none)";
        rs.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + shown
                + ". You can find your API key at https://platform.openai.com/account/api-keys.\","
                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}");
        return false;
    }

    private void chat(FakeRequest rq, FakeResponse rs) throws IOException, InterruptedException {
        if (!authorized(rq, rs)) {
            return;
        }
        JsonNode body = rq.json();
        ChatReply reply = Optional.ofNullable(chatScript.poll()).orElseGet(() -> chatDefault.apply(rq));
        if (reply.status() != 200) {
            ObjectNode err = JSON.createObjectNode();
            err.putObject("error").put("message", reply.error()).put("type", "server_error").putNull("code");
            rs.json(reply.status(), err.toString());
            return;
        }
        new ChatSse(rs, body.path("model").asText("fake-model"),
                body.path("stream_options").path("include_usage").asBoolean(false)).stream(reply);
    }

    /** The default reply: repeats the last user message. */
    static ChatReply echo(FakeRequest rq) {
        String last = "";
        for (JsonNode m : rq.json().path("messages")) {
            if (m.path("role").asText().equals("user")) {
                last = m.path("content").asText("");
            }
        }
        String[] words = ("You said: " + last).split("(?<= )");
        return ChatReply.text(words);
    }
}
