package dev.switchboard.media.voice.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.media.voice.provider.Audio;
import dev.switchboard.media.voice.provider.RecordingStt;
import dev.switchboard.media.voice.provider.RecordingTts;
import dev.switchboard.media.voice.provider.TestProviders;
import dev.switchboard.media.voice.spi.ProviderException;
import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.media.voice.spi.SttOptions;
import dev.switchboard.media.voice.spi.SttStream;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.media.voice.spi.TtsOptions;
import dev.switchboard.media.voice.spi.TtsStream;
import dev.switchboard.testkit.fakes.FakeOpenAi;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiAudioTest {

    private final FakeOpenAi fake = FakeOpenAi.start();

    @AfterEach
    void stop() {
        fake.close();
    }

    private SpeechToText stt() {
        return new OpenAiSttFactory().create(TestProviders.settings("test-stt",
                "{\"base_url\":\"" + fake.baseUrl() + "\",\"api_key\":\"${TEST_KEY}\",\"model\":\"whisper-1\"}"));
    }

    private TextToSpeech tts(String extra) {
        return new OpenAiTtsFactory().create(TestProviders.settings("test-tts",
                "{\"base_url\":\"" + fake.baseUrl() + "\",\"api_key\":\"${TEST_KEY}\"" + extra + "}"));
    }

    @Test
    void transcribesEachSegmentAtEndOfSpeechInOrder() throws Exception {
        RecordingStt rec = new RecordingStt();
        SpeechToText stt = stt();
        assertThat(stt.streaming()).isFalse();
        SttStream s = stt.stream(SttOptions.defaults(), rec);
        short[] tone = Audio.tone(1250, 16_000);
        for (int i = 0; i < tone.length; i += 320) {
            s.push(tone, i, Math.min(320, tone.length - i));
        }
        s.endOfSpeech();
        s.push(Audio.tone(500, 16_000), 0, 8_000);
        s.endOfSpeech();
        rec.await(r -> r.finals().size() == 2, Duration.ofSeconds(10));
        assertThat(rec.finals()).containsExactly("1.25 seconds of audio", "0.50 seconds of audio");
        assertThat(fake.requests()).hasSize(2);
        assertThat(fake.requests().getFirst().header("content-type").orElse("")).startsWith("multipart/form-data");
        s.close();
    }

    @Test
    void tooShortSegmentGivesAnEmptyFinalWithoutARequest() throws Exception {
        RecordingStt rec = new RecordingStt();
        SttStream s = stt().stream(SttOptions.defaults(), rec);
        s.push(Audio.tone(50, 16_000), 0, 800);
        s.endOfSpeech();
        rec.await(r -> r.finals().size() == 1, Duration.ofSeconds(5));
        assertThat(rec.finals()).containsExactly("");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void clearDropsBufferedAudio() throws Exception {
        fake.audio().enqueueTranscripts("scripted words");
        RecordingStt rec = new RecordingStt();
        SttStream s = stt().stream(SttOptions.defaults(), rec);
        s.push(Audio.tone(2000, 16_000), 0, 32_000);
        s.clear();
        s.push(Audio.tone(300, 16_000), 0, 4_800);
        s.endOfSpeech();
        rec.await(r -> r.finals().size() == 1, Duration.ofSeconds(5));
        assertThat(rec.finals()).containsExactly("scripted words");
        assertThat(fake.requests().getFirst().body().length).isLessThan(10_000 + 1_000);
    }

    @Test
    void transcriptionErrorNamesStatusAndMessage() throws Exception {
        fake.audio().enqueueTranscriptionError(500, "The server had an error");
        RecordingStt rec = new RecordingStt();
        SttStream s = stt().stream(SttOptions.defaults(), rec);
        s.push(Audio.tone(500, 16_000), 0, 8_000);
        s.endOfSpeech();
        ProviderException e = rec.awaitError();
        assertThat(e.getMessage()).isEqualTo("test-stt: HTTP 500: The server had an error");
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void speechStreamsPcmPerPieceWithAlignment() throws Exception {
        fake.audio().millisPerChar(10);
        TextToSpeech tts = tts("");
        assertThat(tts.sampleRate()).isEqualTo(24_000);
        RecordingTts rec = new RecordingTts();
        TtsStream s = tts.stream(new TtsOptions("nova", "en", 1.25), rec);
        s.pushText("Hello there, ");
        s.pushText("how are you?");
        s.end();
        rec.awaitDone();
        int chars = "Hello there, ".length() + "how are you?".length();
        assertThat(rec.samples()).isEqualTo(chars * 10L * 24);
        assertThat(rec.alignments).extracting(a -> a.textOffset()).containsExactly(13, 25);
        assertThat(rec.alignments.get(0).audioSamples()).isEqualTo(13 * 10L * 24);
        assertThat(fake.requests().getFirst().json().path("voice").asText()).isEqualTo("nova");
        assertThat(fake.requests().getFirst().json().path("speed").asDouble()).isEqualTo(1.25);
        assertThat(fake.requests().getFirst().json().path("response_format").asText()).isEqualTo("pcm");
    }

    @Test
    void speechErrorIsReportedOnce() throws Exception {
        fake.audio().enqueueSpeechError(503, "overloaded");
        RecordingTts rec = new RecordingTts();
        TtsStream s = tts("").stream(TtsOptions.defaults(), rec);
        s.pushText("Hello.");
        s.end();
        ProviderException e = rec.awaitError();
        assertThat(e.getMessage()).isEqualTo("test-tts: HTTP 503: overloaded");
        Thread.sleep(200);
        assertThat(rec.terminals.get()).isEqualTo(1);
    }

    @Test
    void cancelStopsASlowSpeechStream() throws Exception {
        fake.audio().millisPerChar(100).speechChunkDelay(Duration.ofMillis(100));
        RecordingTts rec = new RecordingTts();
        TtsStream s = tts("").stream(TtsOptions.defaults(), rec);
        s.pushText("This is a rather long sentence to speak slowly.");
        s.end();
        rec.firstAudio.get(5, TimeUnit.SECONDS);
        s.cancel();
        long after = rec.samples();
        Thread.sleep(500);
        assertThat(rec.samples()).isEqualTo(after);
        assertThat(rec.terminals.get()).isZero();
    }

    @Test
    void stalledSpeechHitsTheIdleTimeout() throws Exception {
        fake.audio().millisPerChar(100).speechChunkDelay(Duration.ofSeconds(2));
        RecordingTts rec = new RecordingTts();
        TtsStream s = tts(",\"idle_timeout_ms\":300").stream(TtsOptions.defaults(), rec);
        s.pushText("Slow words here.");
        s.end();
        ProviderException e = rec.awaitError();
        assertThat(e.getMessage()).startsWith("test-tts: speech request: timed out");
        assertThat(rec.samples()).isEqualTo(2400);
    }
}
