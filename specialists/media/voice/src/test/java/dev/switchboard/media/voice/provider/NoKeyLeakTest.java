package dev.switchboard.media.voice.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.media.voice.spi.ChatMessage;
import dev.switchboard.media.voice.spi.ChatRequest;
import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.ProviderException;
import dev.switchboard.media.voice.spi.SttOptions;
import dev.switchboard.media.voice.spi.SttStream;
import dev.switchboard.media.voice.spi.TtsOptions;
import dev.switchboard.media.voice.spi.TtsStream;
import dev.switchboard.spi.TimeSource;
import dev.switchboard.testkit.fakes.FakeOpenAi;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Plants a canary key and checks that no error, stack trace or log line of a failing provider shows it. */
class NoKeyLeakTest {

    @Test
    void canaryKeyNeverAppearsInErrorsOrLogs() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        List<String> errors = new CopyOnWriteArrayList<>();
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                seen.add(r.getLoggerName() + " " + r.getMessage() + " " + r.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        try (FakeOpenAi fake = FakeOpenAi.start()) {
            fake.requireKey("sk-the-only-right-key");
            Providers p = Providers.builtIn(TestProviders.secrets(), TimeSource.system());
            String table = "{\"type\":\"openai\",\"model\":\"m\",\"base_url\":\"" + fake.baseUrl()
                    + "\",\"api_key\":\"${TEST_KEY}\"}";
            LanguageModel llm = p.llm("agents.a.llm", TestProviders.json(table));
            RecordingLlm chat = new RecordingLlm();
            llm.chat(ChatRequest.of(List.of(new ChatMessage.User("hi")), List.of()), chat);
            errors.add(render(chat.awaitError(Duration.ofSeconds(5))));

            RecordingTts speech = new RecordingTts();
            TtsStream tts = p.tts("agents.a.tts", TestProviders.json(table.replace("\"model\":\"m\",", "")))
                    .stream(TtsOptions.defaults(), speech);
            tts.pushText("hello");
            tts.end();
            errors.add(render(speech.awaitError()));

            RecordingStt heard = new RecordingStt();
            SttStream stt = p.stt("agents.a.stt", TestProviders.json(table.replace("\"model\":\"m\",", "")))
                    .stream(SttOptions.defaults(), heard);
            stt.push(Audio.tone(300, 16_000), 0, 4_800);
            stt.endOfSpeech();
            errors.add(render(heard.awaitError()));
            seen.add(llm.toString());
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }
        assertThat(errors).hasSize(3).allSatisfy(e -> assertThat(e).contains("HTTP 401: Incorrect API key provided"));
        seen.addAll(errors);
        assertThat(String.join("\n", seen)).doesNotContain(TestProviders.CANARY_KEY)
                .doesNotContain("canary-0123456789");
    }

    private static String render(ProviderException e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
