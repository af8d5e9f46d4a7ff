package dev.switchboard.media.voice.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.media.voice.provider.RecordingLlm;
import dev.switchboard.media.voice.provider.TestProviders;
import dev.switchboard.media.voice.spi.ChatMessage;
import dev.switchboard.media.voice.spi.ChatRequest;
import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.LlmCall;
import dev.switchboard.media.voice.spi.LlmUsage;
import dev.switchboard.media.voice.spi.ProviderException;
import dev.switchboard.media.voice.spi.ToolCall;
import dev.switchboard.media.voice.spi.ToolSpec;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.testkit.fakes.ChatReply;
import dev.switchboard.testkit.fakes.FakeOpenAi;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiLlmTest {

    private final FakeOpenAi fake = FakeOpenAi.start();

    @AfterEach
    void stop() {
        fake.close();
    }

    private LanguageModel llm(String extra) {
        return new OpenAiLlmFactory().create(TestProviders.settings("test-llm",
                "{\"model\":\"gpt-test\",\"base_url\":\"" + fake.baseUrl() + "\",\"api_key\":\"${TEST_KEY}\"" + extra
                        + "}"));
    }

    private static ChatRequest ask(String text) {
        return ChatRequest.of(List.of(new ChatMessage.System("be brief"), new ChatMessage.User(text)), List.of());
    }

    @Test
    void streamsTextDeltasAndUsage() throws Exception {
        fake.enqueueChat(ChatReply.text("Hello", " there", "!"));
        RecordingLlm rec = new RecordingLlm();
        LanguageModel llm = llm("");
        long start = System.nanoTime();
        llm.chat(ask("hi"), rec);
        LlmUsage usage = rec.awaitComplete();
        System.out.printf("openai llm against the local fake: complete after %.1f ms (cold client)%n",
                (System.nanoTime() - start) / 1e6);
        assertThat(rec.deltas).containsExactly("Hello", " there", "!");
        assertThat(usage).isEqualTo(new LlmUsage(12, 3));
        assertThat(rec.terminals.get()).isEqualTo(1);
        JsonNode sent = fake.chatRequests().getFirst().json();
        assertThat(sent.path("stream").asBoolean()).isTrue();
        assertThat(sent.path("model").asText()).isEqualTo("gpt-test");
        assertThat(sent.path("messages").get(1).path("content").asText()).isEqualTo("hi");
        assertThat(fake.chatRequests().getFirst().header("authorization"))
                .contains("Bearer " + TestProviders.CANARY_KEY);
    }

    @Test
    void assemblesToolCallsSplitAcrossChunks() throws Exception {
        fake.enqueueChat(ChatReply.text("Checking.")
                .withToolCall("call_a", "get_weather", "{\"city\":\"Paris\",\"unit\":\"celsius\"}", 5)
                .withToolCall("call_b", "get_time", "{\"zone\":\"Europe/Paris\"}", 4));
        RecordingLlm rec = new RecordingLlm();
        ToolSpec weather = new ToolSpec("get_weather", "weather", TestProviders.json("{\"type\":\"object\"}"));
        llm("").chat(ChatRequest.of(List.of(new ChatMessage.User("weather?")), List.of(weather)), rec);
        rec.awaitComplete();
        assertThat(rec.text()).isEqualTo("Checking.");
        assertThat(rec.toolCalls).containsExactly(
                new ToolCall("call_a", "get_weather", "{\"city\":\"Paris\",\"unit\":\"celsius\"}"),
                new ToolCall("call_b", "get_time", "{\"zone\":\"Europe/Paris\"}"));
        JsonNode tools = fake.chatRequests().getFirst().json().path("tools");
        assertThat(tools.get(0).path("function").path("name").asText()).isEqualTo("get_weather");
    }

    @Test
    void sendsHistoryWithToolCallsAndResults() throws Exception {
        RecordingLlm rec = new RecordingLlm();
        ToolCall call = new ToolCall("c1", "lookup", "{\"q\":1}");
        llm("").chat(ChatRequest.of(List.of(new ChatMessage.User("find it"),
                new ChatMessage.Assistant("", List.of(call)), new ChatMessage.ToolResult("c1", "lookup", "42")),
                List.of()), rec);
        rec.awaitComplete();
        JsonNode messages = fake.chatRequests().getFirst().json().path("messages");
        assertThat(messages.get(1).path("content").isNull()).isTrue();
        assertThat(messages.get(1).path("tool_calls").get(0).path("function").path("arguments").asText())
                .isEqualTo("{\"q\":1}");
        assertThat(messages.get(2).path("role").asText()).isEqualTo("tool");
        assertThat(messages.get(2).path("tool_call_id").asText()).isEqualTo("c1");
    }

    @Test
    void httpErrorNamesStatusAndProviderMessage() throws Exception {
        fake.enqueueChat(ChatReply.error(429, "Rate limit reached for gpt-test"));
        RecordingLlm rec = new RecordingLlm();
        llm("").chat(ask("hi"), rec);
        ProviderException e = rec.awaitError(Duration.ofSeconds(5));
        assertThat(e.getMessage()).isEqualTo("test-llm: HTTP 429: Rate limit reached for gpt-test");
        assertThat(e.retryable()).isTrue();
        assertThat(e.provider()).isEqualTo("test-llm");
    }

    @Test
    void badRequestIsNotRetryable() throws Exception {
        fake.enqueueChat(ChatReply.error(400, "context_length_exceeded"));
        RecordingLlm rec = new RecordingLlm();
        llm("").chat(ask("hi"), rec);
        assertThat(rec.awaitError(Duration.ofSeconds(5)).retryable()).isFalse();
    }

    @Test
    void wrongKeyErrorNeverQuotesTheKey() throws Exception {
        fake.requireKey("sk-the-right-one-xyz");
        RecordingLlm rec = new RecordingLlm();
        llm("").chat(ask("hi"), rec);
        ProviderException e = rec.awaitError(Duration.ofSeconds(5));
        assertThat(e.getMessage()).startsWith("test-llm: HTTP 401: Incorrect API key provided: ")
                .doesNotContain(TestProviders.CANARY_KEY).doesNotContain("canary");
    }

    @Test
    void slowFirstTokenTimesOut() throws Exception {
        fake.enqueueChat(ChatReply.text("late").withFirstTokenDelay(Duration.ofSeconds(3)));
        RecordingLlm rec = new RecordingLlm();
        llm(",\"first_token_timeout_ms\":300").chat(ask("hi"), rec);
        ProviderException e = rec.awaitError(Duration.ofSeconds(5));
        assertThat(e.getMessage()).isEqualTo("test-llm: no first token within 300 ms");
        assertThat(e.retryable()).isTrue();
        assertThat(rec.deltas).isEmpty();
    }

    @Test
    void stalledStreamHitsTheIdleTimeout() throws Exception {
        fake.enqueueChat(ChatReply.text("one", "two").withChunkDelay(Duration.ofSeconds(3)));
        RecordingLlm rec = new RecordingLlm();
        llm(",\"idle_timeout_ms\":300").chat(ask("hi"), rec);
        ProviderException e = rec.awaitError(Duration.ofSeconds(5));
        assertThat(e.getMessage()).isEqualTo("test-llm: the stream stalled: no data for 300 ms");
        assertThat(rec.deltas).containsExactly("one");
    }

    @Test
    void disconnectMidStreamIsAnErrorAfterThePartialText() throws Exception {
        fake.enqueueChat(ChatReply.text("a", "b", "c", "d").withDisconnectAfter(2));
        RecordingLlm rec = new RecordingLlm();
        llm("").chat(ask("hi"), rec);
        ProviderException e = rec.awaitError(Duration.ofSeconds(5));
        assertThat(rec.deltas).containsExactly("a", "b");
        assertThat(e.getMessage()).contains("test-llm: ").containsAnyOf("mid-stream", "closed the stream");
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void truncatedStreamWithoutDoneIsAnError() throws Exception {
        fake.enqueueChat(ChatReply.text("partial").withoutDone());
        RecordingLlm rec = new RecordingLlm();
        llm("").chat(ask("hi"), rec);
        assertThat(rec.awaitError(Duration.ofSeconds(5)).getMessage())
                .isEqualTo("test-llm: the server closed the stream before it finished (after 2 chunks, no [DONE])");
    }

    @Test
    void refusedConnectionIsARetryableError() throws Exception {
        String url = fake.baseUrl();
        fake.close();
        LanguageModel llm = new OpenAiLlmFactory().create(TestProviders.settings("test-llm",
                "{\"model\":\"m\",\"base_url\":\"" + url + "\"}"));
        RecordingLlm rec = new RecordingLlm();
        llm.chat(ask("hi"), rec);
        ProviderException e = rec.awaitError(Duration.ofSeconds(5));
        assertThat(e.getMessage()).startsWith("test-llm: chat request: connection refused");
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void cancelStopsCallbacks() throws Exception {
        fake.enqueueChat(ChatReply.text("a", "b", "c").withChunkDelay(Duration.ofMillis(300)));
        RecordingLlm rec = new RecordingLlm();
        LlmCall call = llm("").chat(ask("hi"), rec);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (rec.deltas.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        call.cancel();
        call.cancel();
        Thread.sleep(900);
        assertThat(rec.deltas).containsExactly("a");
        assertThat(rec.terminals.get()).isZero();
    }

    @Test
    void worksWithoutAKeyAndWithATrailingSlash() throws Exception {
        LanguageModel llm = new OpenAiLlmFactory().create(TestProviders.settings("ollama",
                "{\"model\":\"llama3.2\",\"base_url\":\"" + fake.baseUrl() + "/\"}"));
        RecordingLlm rec = new RecordingLlm();
        llm.chat(ask("ping"), rec);
        rec.awaitComplete();
        assertThat(rec.text()).isEqualTo("You said: ping");
        assertThat(fake.chatRequests().getFirst().header("authorization")).isEmpty();
        assertThat(fake.chatRequests().getFirst().path()).isEqualTo("/v1/chat/completions");
    }

    @Test
    void badOptionsNameTheKey() {
        OpenAiLlmFactory f = new OpenAiLlmFactory();
        assertThatThrownBy(() -> f.create(TestProviders.settings("llm", "{}")))
                .isInstanceOf(ConfigException.class).hasMessage("llm.model: is required");
        assertThatThrownBy(() -> f.create(TestProviders.settings("llm", "{\"model\":\"m\",\"modle\":1}")))
                .hasMessageStartingWith("llm.modle: unknown option");
        assertThatThrownBy(() -> f.create(TestProviders.settings("llm", "{\"model\":\"m\",\"base_url\":\"ftp:x\"}")))
                .hasMessageStartingWith("llm.base_url: must be an http(s) URL");
        assertThatThrownBy(() -> f.create(TestProviders.settings("llm",
                "{\"model\":\"m\",\"api_key\":\"${NOT_SET}\"}")))
                .hasMessageStartingWith("llm.api_key: cannot resolve the reference ${NOT_SET}");
        assertThatThrownBy(() -> f.create(TestProviders.settings("llm",
                "{\"model\":\"m\",\"api_key\":\"" + TestProviders.CANARY_KEY + "\"}")))
                .hasMessageStartingWith("llm.api_key: must be a reference such as ${OPENAI_API_KEY}")
                .hasMessageNotContaining(TestProviders.CANARY_KEY);
        assertThatThrownBy(() -> f.create(TestProviders.settings("llm", "{\"model\":\"m\",\"temperature\":7}")))
                .hasMessage("llm.temperature: must be in [0.0, 2.0], got 7.0");
    }
}
