package dev.switchboard.media.voice.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.media.voice.spi.ChatMessage;
import dev.switchboard.media.voice.spi.ChatRequest;
import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.TimeSource;
import dev.switchboard.testkit.fakes.FakeOpenAi;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvidersTest {

    private final Providers providers = Providers.builtIn(TestProviders.secrets(), TimeSource.system());

    @Test
    void aTableBuildsOneProviderThatWorks() throws Exception {
        try (FakeOpenAi fake = FakeOpenAi.start()) {
            LanguageModel llm = providers.llm("agents.support.llm", TestProviders.json(
                    "{\"type\":\"openai\",\"model\":\"gpt-4o-mini\",\"base_url\":\"" + fake.baseUrl()
                            + "\",\"api_key\":\"${TEST_KEY}\"}"));
            assertThat(llm.name()).isEqualTo("openai");
            RecordingLlm rec = new RecordingLlm();
            llm.chat(ChatRequest.of(List.of(new ChatMessage.User("ping")), List.of()), rec);
            rec.awaitComplete();
            assertThat(rec.text()).isEqualTo("You said: ping");
        }
    }

    @Test
    void anArrayBuildsAFallbackChainInOrder() {
        TextToSpeech tts = providers.tts("agents.support.tts", TestProviders.json(
                "[{\"type\":\"openai\",\"name\":\"cloud\"},{\"type\":\"espeak\",\"name\":\"local\"}]"));
        assertThat(tts).isInstanceOf(FallbackTextToSpeech.class);
        assertThat(tts.name()).isEqualTo("cloud>local");
        assertThat(((FallbackTextToSpeech) tts).providers()).extracting(TextToSpeech::name)
                .containsExactly("cloud", "local");
    }

    @Test
    void theDocsFallbackExampleBuildsAChain() {
        // docs/voice-providers.md: [[agents.support.llm]] groq, then local Ollama
        LanguageModel llm = providers.llm("agents.support.llm", TestProviders.json("[{\"type\":\"openai\","
                + "\"name\":\"groq\",\"base_url\":\"https://api.groq.com/openai/v1\","
                + "\"model\":\"llama-3.3-70b-versatile\",\"api_key\":\"${TEST_KEY}\"},"
                + "{\"type\":\"openai\",\"name\":\"local\",\"base_url\":\"http://localhost:11434/v1\","
                + "\"model\":\"llama3.2\"}]"));
        assertThat(llm.name()).isEqualTo("groq>local");
        assertThat(((FallbackLanguageModel) llm).providers()).extracting(LanguageModel::name)
                .containsExactly("groq", "local");
    }

    @Test
    void serviceLoaderAndPf4jIndexListTheBuiltIns() throws Exception {
        Providers loaded = Providers.serviceLoader(getClass().getClassLoader(), TestProviders.secrets(),
                TimeSource.system());
        assertThat(loaded.llmTypes()).contains("openai");
        assertThat(loaded.sttTypes()).containsAll(providers.sttTypes());
        assertThat(loaded.ttsTypes()).containsAll(providers.ttsTypes());
        StringBuilder index = new StringBuilder();
        for (java.net.URL u : java.util.Collections.list(getClass().getClassLoader()
                .getResources("META-INF/extensions.idx"))) {
            try (java.io.InputStream in = u.openStream()) {
                index.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertThat(index.toString()).contains("OpenAiLlmFactory", "EspeakTtsFactory", "OpenAiSttFactory",
                "OpenAiTtsFactory",                "DeepgramSttFactory", "ElevenLabsTtsFactory");
    }

    @Test
    void errorsNameTheLocationAndKey() {
        assertThatThrownBy(() -> providers.llm("agents.x.llm", TestProviders.json("{\"model\":\"m\"}")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("agents.x.llm.type: is required (a string; known language model types: openai)");
        assertThatThrownBy(() -> providers.llm("agents.x.llm", TestProviders.json("{\"type\":\"gemini\"}")))
                .hasMessage("agents.x.llm.type: unknown language model type 'gemini' (known: openai)");
        assertThatThrownBy(() -> providers.llm("agents.x.llm", TestProviders.json(
                "[{\"type\":\"openai\",\"model\":\"a\"},{\"type\":\"openai\",\"name\":\"groq\"}]")))
                .hasMessage("agents.x.llm[1].model: is required");
        assertThatThrownBy(() -> providers.llm("agents.x.llm", TestProviders.json(
                "[{\"type\":\"openai\",\"model\":\"a\"},{\"type\":\"openai\",\"model\":\"b\"}]")))
                .hasMessageStartingWith("agents.x.llm[1].name: 'openai' is used twice");
        assertThatThrownBy(() -> providers.llm("agents.x.llm", TestProviders.json("[]")))
                .hasMessage("agents.x.llm: a fallback list needs at least one language model provider");
        assertThatThrownBy(() -> providers.tts("agents.x.tts", TestProviders.json("\"espeak\"")))
                .hasMessage("agents.x.tts: must be a text-to-speech table or an array of them, got STRING");
        assertThatThrownBy(() -> providers.stt("f.toml:3:agents.x.stt", TestProviders.json(
                "{\"type\":\"openai\",\"api_key\":\"${MISSING}\",\"langauge\":\"en\"}")))
                .hasMessageStartingWith("f.toml:3:agents.x.stt.langauge: unknown option");
        assertThatThrownBy(() -> providers.stt("agents.x.stt", TestProviders.json(
                "{\"type\":\"openai\",\"api_key\":\"${MISSING}\"}")))
                .hasMessage("agents.x.stt.api_key: cannot resolve the reference ${MISSING}: no such variable");
    }
}
