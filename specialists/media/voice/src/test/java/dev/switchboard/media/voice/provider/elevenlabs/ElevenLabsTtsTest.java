package dev.switchboard.media.voice.provider.elevenlabs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.media.voice.provider.RecordingTts;
import dev.switchboard.media.voice.provider.TestProviders;
import dev.switchboard.media.voice.spi.ProviderException;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.media.voice.spi.TtsOptions;
import dev.switchboard.media.voice.spi.TtsStream;
import dev.switchboard.testkit.fakes.FakeElevenLabs;
import dev.switchboard.testkit.fakes.FakeRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ElevenLabsTtsTest {

    private final FakeElevenLabs fake = FakeElevenLabs.start();

    @AfterEach
    void stop() {
        fake.close();
    }

    private TextToSpeech tts(String extra) {
        return new ElevenLabsTtsFactory().create(TestProviders.settings("eleven",
                "{\"base_url\":\"" + fake.baseUrl() + "\",\"api_key\":\"${TEST_KEY}\"" + extra + "}"));
    }

    @Test
    void streamsAudioAndMapsAlignmentToThePushedText() throws Exception {
        fake.requireKey(TestProviders.CANARY_KEY);
        TextToSpeech tts = tts(",\"voice\":\"voice123\"");
        assertThat(tts.sampleRate()).isEqualTo(16_000);
        RecordingTts rec = new RecordingTts();
        TtsStream s = tts.stream(TtsOptions.defaults(), rec);
        s.pushText("Hello there,");
        s.pushText("how are you?");
        s.end();
        rec.awaitDone();
        // each piece gets a trailing space on the wire: 13 + 13 characters at 20 ms, 320 samples each
        assertThat(rec.samples()).isEqualTo(26 * 320L);
        assertThat(rec.alignments).extracting(RecordingTts.Alignment::textOffset)
                .containsExactly(7, 12, 19, 24);
        assertThat(rec.alignments.getLast().audioSamples()).isEqualTo(rec.samples());
        FakeRequest handshake = fake.requests().getFirst();
        assertThat(handshake.path()).isEqualTo("/v1/text-to-speech/voice123/stream-input");
        assertThat(handshake.query()).containsEntry("output_format", "pcm_16000")
                .containsEntry("model_id", "eleven_flash_v2_5");
        List<JsonNode> sent = fake.messages();
        assertThat(sent.getFirst().path("text").asText()).isEqualTo(" ");
        assertThat(sent.getFirst().path("voice_settings").path("speed").asDouble()).isEqualTo(1.0);
        assertThat(sent.get(1).path("text").asText()).isEqualTo("Hello there, ");
        assertThat(sent.get(1).path("flush").asBoolean()).isTrue();
        assertThat(sent.getLast().path("text").asText()).isEmpty();
        assertThat(rec.terminals.get()).isEqualTo(1);
    }

    @Test
    void wrongKeyIsAnErrorWithoutTheKey() throws Exception {
        fake.requireKey("the-right-key");
        RecordingTts rec = new RecordingTts();
        TtsStream s = tts("").stream(TtsOptions.defaults(), rec);
        s.pushText("Hello.");
        ProviderException e = rec.awaitError();
        assertThat(e.getMessage()).isEqualTo("eleven: error from ElevenLabs: Invalid API key");
        assertThat(e.getMessage()).doesNotContain(TestProviders.CANARY_KEY);
    }

    @Test
    void stalledServerHitsTheIdleTimeout() throws Exception {
        fake.silent();
        RecordingTts rec = new RecordingTts();
        TtsStream s = tts(",\"idle_timeout_ms\":400").stream(TtsOptions.defaults(), rec);
        s.pushText("Anyone there?");
        ProviderException e = rec.awaitError();
        assertThat(e.getMessage()).isEqualTo("eleven: no audio for 400 ms while text was waiting");
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void quietPauseBetweenPiecesIsNotATimeout() throws Exception {
        RecordingTts rec = new RecordingTts();
        TtsStream s = tts(",\"idle_timeout_ms\":300").stream(TtsOptions.defaults(), rec);
        s.pushText("First.");
        Thread.sleep(800);
        s.pushText("Second.");
        s.end();
        rec.awaitDone();
        assertThat(rec.samples()).isEqualTo(("First. ".length() + "Second. ".length()) * 320L);
    }

    @Test
    void disconnectMidStreamIsAnError() throws Exception {
        fake.disconnectAfterAudio(1);
        RecordingTts rec = new RecordingTts();
        TtsStream s = tts("").stream(TtsOptions.defaults(), rec);
        s.pushText("A sentence that will be cut.");
        s.end();
        ProviderException e = rec.awaitError();
        assertThat(e.getMessage()).startsWith("eleven: stream: ");
        assertThat(rec.samples()).isGreaterThan(0);
    }

    @Test
    void cancelStopsCallbacks() throws Exception {
        fake.firstAudioDelay(Duration.ofMillis(300));
        RecordingTts rec = new RecordingTts();
        TtsStream s = tts("").stream(TtsOptions.defaults(), rec);
        s.pushText("Soon.");
        s.cancel();
        Thread.sleep(700);
        assertThat(rec.samples()).isZero();
        assertThat(rec.terminals.get()).isZero();
        assertThat(rec.firstAudio.isDone()).isFalse();
    }

    @Test
    void badOptionsNameTheKey() {
        assertThatThrownBy(() -> tts(",\"sample_rate\":12000"))
                .hasMessage("eleven.sample_rate: must be one of 8000, 16000, 22050, 24000, 44100, got 12000");
        assertThatThrownBy(() -> new ElevenLabsTtsFactory().create(TestProviders.settings("eleven", "{}")))
                .hasMessage("eleven.api_key: is required (a reference such as ${ENV_NAME})");
    }
}
