package dev.switchboard.media.voice.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.media.voice.spi.ChatMessage;
import dev.switchboard.media.voice.spi.ChatRequest;
import dev.switchboard.media.voice.spi.Failover;
import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.ProviderException;
import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.media.voice.spi.SttOptions;
import dev.switchboard.media.voice.spi.SttStream;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.media.voice.spi.TtsOptions;
import dev.switchboard.media.voice.spi.TtsStream;
import dev.switchboard.spi.Secrets;
import dev.switchboard.testkit.ManualTime;
import dev.switchboard.testkit.fakes.ChatReply;
import dev.switchboard.testkit.fakes.FakeOpenAi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FallbackTest {

    private final FakeOpenAi first = FakeOpenAi.start();
    private final FakeOpenAi second = FakeOpenAi.start();
    private final ManualTime time = ManualTime.fixed();

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    private Providers providers(FallbackOptions options) {
        Secrets secrets = TestProviders.secrets(Map.of("${TEST_KEY}", TestProviders.CANARY_KEY));
        return Providers.builtIn(secrets, time).withFallback(options);
    }

    private String chain(String kind, String extra) {
        return "[{\"type\":\"" + kind + "\",\"name\":\"primary\",\"base_url\":\"" + first.baseUrl() + "\"" + extra
                + "},{\"type\":\"" + kind + "\",\"name\":\"backup\",\"base_url\":\"" + second.baseUrl() + "\""
                + extra + "}]";
    }

    private LanguageModel llm(FallbackOptions options) {
        return providers(options).llm("agents.a.llm", TestProviders.json(chain("openai", ",\"model\":\"m\"")));
    }

    private static ChatRequest ask() {
        return ChatRequest.of(List.of(new ChatMessage.User("hi")), List.of());
    }

    @Test
    void firstProviderFailingMovesToTheSecond() throws Exception {
        first.enqueueChat(ChatReply.error(500, "boom"));
        RecordingLlm rec = new RecordingLlm();
        LanguageModel llm = llm(FallbackOptions.defaults());
        assertThat(llm.name()).isEqualTo("primary>backup");
        llm.chat(ask(), rec);
        rec.awaitComplete();
        assertThat(rec.text()).isEqualTo("You said: hi");
        assertThat(first.chatRequests()).hasSize(1);
        assertThat(second.chatRequests()).hasSize(1);
        assertThat(rec.terminals.get()).isEqualTo(1);
        assertThat(rec.failovers)
                .containsExactly(new Failover("primary>backup", "primary", "backup", "HTTP 500: boom"));
    }

    @Test
    void everyProviderFailingNamesEachAndWhy() throws Exception {
        first.enqueueChat(ChatReply.error(500, "boom"));
        second.enqueueChat(ChatReply.error(429, "slow down"));
        RecordingLlm rec = new RecordingLlm();
        llm(FallbackOptions.defaults()).chat(ask(), rec);
        ProviderException e = rec.awaitError(Duration.ofSeconds(5));
        assertThat(e.getMessage()).isEqualTo("primary>backup: every provider failed: primary: HTTP 500: boom; "
                + "backup: HTTP 429: slow down");
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void failureAfterPartialOutputEndsTheTurnWithoutFailingOver() throws Exception {
        first.enqueueChat(ChatReply.text("Sure", ", the", " answer").withDisconnectAfter(2));
        RecordingLlm rec = new RecordingLlm();
        llm(FallbackOptions.defaults()).chat(ask(), rec);
        ProviderException e = rec.awaitError(Duration.ofSeconds(5));
        assertThat(e.provider()).isEqualTo("primary");
        assertThat(rec.text()).isEqualTo("Sure, the");
        assertThat(second.chatRequests()).isEmpty();
    }

    @Test
    void nonRetryableErrorIsNotFailedOver() throws Exception {
        first.enqueueChat(ChatReply.error(400, "bad request"));
        RecordingLlm rec = new RecordingLlm();
        llm(FallbackOptions.defaults()).chat(ask(), rec);
        assertThat(rec.awaitError(Duration.ofSeconds(5)).getMessage()).isEqualTo("primary: HTTP 400: bad request");
        assertThat(second.chatRequests()).isEmpty();
    }

    @Test
    void openBreakerSkipsTheProviderUntilItsWaitIsOver() throws Exception {
        LanguageModel llm = llm(new FallbackOptions(50, 2, 2, Duration.ofSeconds(30)));
        first.enqueueChat(ChatReply.error(503, "down"), ChatReply.error(503, "down"));
        for (int i = 0; i < 2; i++) {
            RecordingLlm rec = new RecordingLlm();
            llm.chat(ask(), rec);
            rec.awaitComplete();
        }
        assertThat(((FallbackLanguageModel) llm).available(0)).isFalse();
        RecordingLlm third = new RecordingLlm();
        llm.chat(ask(), third);
        third.awaitComplete();
        assertThat(first.chatRequests()).as("skipped while open").hasSize(2);
        assertThat(third.failovers).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo(Failover.BREAKER_OPEN);
            assertThat(f.skipped()).isTrue();
        });
        assertThat(second.chatRequests()).hasSize(3);

        second.enqueueChat(ChatReply.error(500, "also down"));
        RecordingLlm bothDown = new RecordingLlm();
        llm.chat(ask(), bothDown);
        assertThat(bothDown.awaitError(Duration.ofSeconds(5)).getMessage()).isEqualTo("primary>backup: every "
                + "provider failed: primary: skipped (circuit breaker open after repeated failures); "
                + "backup: HTTP 500: also down");

        time.advance(Duration.ofSeconds(31));
        RecordingLlm trial = new RecordingLlm();
        llm.chat(ask(), trial);
        trial.awaitComplete();
        assertThat(first.chatRequests()).as("one trial call after the wait").hasSize(3);
        assertThat(((FallbackLanguageModel) llm).available(0)).isTrue();
    }

    @Test
    void speechFailsOverBeforeAnyAudioAndReplaysTheText() throws Exception {
        first.audio().enqueueSpeechError(503, "overloaded");
        second.audio().millisPerChar(10);
        TextToSpeech tts = providers(FallbackOptions.defaults()).tts("agents.a.tts",
                TestProviders.json(chain("openai", "")));
        RecordingTts rec = new RecordingTts();
        TtsStream s = tts.stream(TtsOptions.defaults(), rec);
        s.pushText("One two. ");
        s.pushText("Three.");
        s.end();
        rec.awaitDone();
        assertThat(rec.samples()).isEqualTo(("One two. ".length() + "Three.".length()) * 240L);
        assertThat(second.requests()).extracting(r -> r.json().path("input").asText())
                .containsExactly("One two. ", "Three.");
        assertThat(rec.alignments).extracting(RecordingTts.Alignment::textOffset).containsExactly(9, 15);
    }

    @Test
    void speechChainResamplesToTheFirstProvidersRate() throws Exception {
        first.audio().enqueueSpeechError(500, "broken");
        TextToSpeech tts = providers(FallbackOptions.defaults()).tts("agents.a.tts", TestProviders.json(
                "[{\"type\":\"openai\",\"base_url\":\"" + first.baseUrl() + "\"},{\"type\":\"espeak\"}]"));
        assertThat(tts.sampleRate()).isEqualTo(24_000);
        RecordingTts rec = new RecordingTts();
        TtsStream s = tts.stream(TtsOptions.defaults(), rec);
        s.pushText("Hello from the backup voice.");
        s.end();
        try {
            rec.awaitDone();
        } catch (java.util.concurrent.ExecutionException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(!e.getCause().getMessage().contains("cannot run"),
                    "espeak-ng is not installed: " + e.getCause().getMessage());
            throw e;
        }
        assertThat(rec.samples() / 24_000.0).as("seconds").isBetween(1.0, 5.0);
    }

    @Test
    void transcriptionFailsOverWithTheUtterancesAudio() throws Exception {
        first.audio().enqueueTranscriptionError(502, "bad gateway");
        SpeechToText stt = providers(FallbackOptions.defaults()).stt("agents.a.stt",
                TestProviders.json(chain("openai", "")));
        RecordingStt rec = new RecordingStt();
        SttStream s = stt.stream(SttOptions.defaults(), rec);
        s.push(Audio.tone(1000, 16_000), 0, 16_000);
        s.endOfSpeech();
        rec.await(r -> r.finals().size() == 1, Duration.ofSeconds(10));
        assertThat(rec.finals()).containsExactly("1.00 seconds of audio");
        assertThat(rec.error).isNotDone();
        s.push(Audio.tone(500, 16_000), 0, 8_000);
        s.endOfSpeech();
        rec.await(r -> r.finals().size() == 2, Duration.ofSeconds(10));
        assertThat(rec.finals()).containsExactly("1.00 seconds of audio", "0.50 seconds of audio");
        assertThat(first.requests()).hasSize(1);
        assertThat(second.requests()).hasSize(2);
        s.close();
    }
}
