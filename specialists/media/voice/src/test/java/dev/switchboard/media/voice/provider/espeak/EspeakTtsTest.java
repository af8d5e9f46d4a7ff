package dev.switchboard.media.voice.provider.espeak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.media.voice.provider.RecordingTts;
import dev.switchboard.media.voice.provider.TestProviders;
import dev.switchboard.media.voice.spi.ProviderException;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.media.voice.spi.TtsOptions;
import dev.switchboard.media.voice.spi.TtsStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EspeakTtsTest {

    @BeforeAll
    static void needsEspeak() throws Exception {
        boolean present;
        try {
            present = new ProcessBuilder("espeak-ng", "--version").start().waitFor() == 0;
        } catch (java.io.IOException e) {
            present = false;
        }
        if (!present) {
            System.out.println("SKIPPED EspeakTtsTest: espeak-ng is not installed (run scripts/setup.d/50-espeak.sh)");
        }
        Assumptions.assumeTrue(present, "espeak-ng is not installed (run scripts/setup.d/50-espeak.sh)");
    }

    private static TextToSpeech tts(String options) {
        return new EspeakTtsFactory().create(TestProviders.settings("espeak", options));
    }

    @Test
    void speaksPiecesInOrderWithSentenceAlignment() throws Exception {
        TextToSpeech tts = tts("{}");
        assertThat(tts.sampleRate()).isEqualTo(22_050);
        RecordingTts rec = new RecordingTts();
        long start = System.nanoTime();
        TtsStream s = tts.stream(TtsOptions.defaults(), rec);
        s.pushText("Hello there, ");
        s.pushText("how are you today?");
        s.end();
        rec.awaitDone();
        System.out.printf("espeak-ng: first audio %.1f ms after the first piece, done after %.1f ms%n",
                (rec.firstAudio.get() - start) / 1e6, (System.nanoTime() - start) / 1e6);
        double seconds = rec.samples() / 22_050.0;
        assertThat(seconds).as("seconds of speech").isBetween(1.0, 6.0);
        assertThat(rec.peak()).as("peak amplitude").isGreaterThan(3000);
        assertThat(rec.alignments).hasSize(2);
        assertThat(rec.alignments.get(0).textOffset()).isEqualTo("Hello there, ".length());
        assertThat(rec.alignments.get(1).textOffset()).isEqualTo("Hello there, how are you today?".length());
        assertThat(rec.alignments.get(1).audioSamples()).isEqualTo(rec.samples());
        assertThat(rec.alignments.get(0).audioSamples()).isBetween(1L, rec.samples() - 1);
        assertThat(rec.chunks.size()).as("streamed in chunks").isGreaterThan(5);
        assertThat(rec.terminals.get()).isEqualTo(1);
    }

    @Test
    void fasterSpeedGivesShorterAudio() throws Exception {
        long normal = spoken(tts("{}"), 1.0);
        long fast = spoken(tts("{}"), 2.0);
        assertThat((double) fast).isLessThan(normal * 0.7);
    }

    private static long spoken(TextToSpeech tts, double speed) throws Exception {
        RecordingTts rec = new RecordingTts();
        TtsStream s = tts.stream(new TtsOptions("", "en", speed), rec);
        s.pushText("The quick brown fox jumps over the lazy dog.");
        s.end();
        rec.awaitDone();
        return rec.samples();
    }

    @Test
    void textThatLooksLikeAnOptionIsSpokenNotParsed() throws Exception {
        RecordingTts rec = new RecordingTts();
        TtsStream s = tts("{}").stream(TtsOptions.defaults(), rec);
        s.pushText("--help -v xx");
        s.end();
        rec.awaitDone();
        assertThat(rec.samples()).isGreaterThan(5_000);
    }

    @Test
    void cancelKillsTheProcessAndStopsCallbacks() throws Exception {
        RecordingTts rec = new RecordingTts();
        TtsStream s = tts("{\"words_per_minute\":80}").stream(TtsOptions.defaults(), rec);
        s.pushText("This is a long sentence that takes espeak a good while to speak at a slow rate. ".repeat(20));
        s.pushText("And another one.");
        s.end();
        rec.firstAudio.get(10, TimeUnit.SECONDS);
        s.cancel();
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (espeakChildren() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(espeakChildren()).as("espeak-ng processes left running").isZero();
        Thread.sleep(300);
        assertThat(rec.terminals.get()).isZero();
    }

    private static long espeakChildren() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().orElse("").contains("espeak")).count();
    }

    @Test
    void unknownVoiceIsAnErrorNamingIt() throws Exception {
        RecordingTts rec = new RecordingTts();
        TtsStream s = tts("{}").stream(new TtsOptions("zz-nosuch", "", 1.0), rec);
        s.pushText("hi");
        s.end();
        ProviderException e = rec.awaitError();
        assertThat(e.getMessage()).startsWith("espeak: espeak-ng --stdout -v zz-nosuch").contains("does not exist");
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void missingBinaryNamesTheSetupScript() throws Exception {
        RecordingTts rec = new RecordingTts();
        TtsStream s = tts("{\"binary\":\"/nonexistent/espeak-ng\"}").stream(TtsOptions.defaults(), rec);
        s.pushText("hi");
        ProviderException e = rec.awaitError();
        assertThat(e.getMessage()).startsWith("espeak: cannot run /nonexistent/espeak-ng (install it with "
                + "scripts/setup.d/50-espeak.sh");
    }

    @Test
    void badOptionsNameTheKey() {
        assertThatThrownBy(() -> tts("{\"voice\":\"en; rm -rf /\"}")).hasMessageStartingWith("espeak.voice: must be");
        assertThatThrownBy(() -> tts("{\"pitch\":200}"))
                .hasMessage("espeak.pitch: must be an integer in [0, 99], got 200");
    }
}
