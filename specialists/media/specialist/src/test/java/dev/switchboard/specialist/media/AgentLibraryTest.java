package dev.switchboard.specialist.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.media.voice.provider.FallbackLanguageModel;
import dev.switchboard.media.voice.provider.FallbackSpeechToText;
import dev.switchboard.media.voice.provider.FallbackTextToSpeech;
import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.testkit.TestSpecialistContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which providers an agent runs on, picked from the keys the environment has (never printing them),
 * and the errors for bad provider and agent settings, located at their mode keys.
 */
class AgentLibraryTest {

    private static final String KEY = "sk-canary-42ab";

    private static AgentLibrary library(String config, Map<String, String> env) {
        TestSpecialistContext.Builder b = TestSpecialistContext.builder("media").config(config);
        env.forEach((k, v) -> b.secret("${" + k + "}", v));
        return new AgentLibrary(b.build(), Map.of());
    }

    private static String providers(Map<String, String> env) {
        return library("{}", env).resolve("assistant", Optional.empty()).providers();
    }

    @Test
    void assistantPicksProvidersFromTheKeysSet() {
        assertThat(providers(Map.of("OPENAI_API_KEY", KEY))).isEqualTo("stt=openai llm=openai tts=openai");
        assertThat(providers(Map.of("OPENAI_API_KEY", KEY, "OPENAI_BASE_URL", "http://127.0.0.1:9/v1")))
                .as("a compatible server (Groq, Ollama) may have no speech endpoint: espeak-ng speaks")
                .isEqualTo("stt=openai llm=openai tts=espeak");
        assertThat(providers(Map.of("OPENAI_BASE_URL", "http://127.0.0.1:11434/v1")))
                .as("Ollama needs no key").isEqualTo("stt=openai llm=openai tts=espeak");
        assertThat(providers(Map.of("OPENAI_API_KEY", KEY, "DEEPGRAM_API_KEY", KEY, "ELEVEN_API_KEY", KEY)))
                .isEqualTo("stt=deepgram llm=openai tts=elevenlabs");
        assertThat(library("{}", Map.of()).resolve("echo", Optional.empty()).providers()).isEqualTo("tts=espeak");
    }

    @Test
    void assistantWithoutAnLlmKeySaysWhatToSet() {
        assertThatThrownBy(() -> providers(Map.of("DEEPGRAM_API_KEY", KEY)))
                .isInstanceOfSatisfying(AgentStartException.class, e -> assertThat(e.code()).isEqualTo("unavailable"))
                .hasMessageStartingWith("agent 'assistant' needs a language model and none is configured")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void providerTablesAreCheckedAtTheirModeKeys() {
        String missingKind = "{\"agents\":{\"llm\":\"groq\"},\"providers\":{\"groq\":{\"type\":\"openai\"}}}";
        assertThatThrownBy(() -> library(missingKind, Map.of("DEEPGRAM_API_KEY", KEY)).resolve("assistant",
                Optional.empty())).hasMessageContaining(
                        "specialists.media.providers.groq.kind: is required: \"llm\", \"stt\" or \"tts\"");
        String unresolved = "{\"agents\":{\"llm\":\"groq\",\"stt\":\"none\"},\"providers\":{\"groq\":{\"kind\":\"llm\","
                + "\"type\":\"openai\",\"model\":\"m\",\"api-key\":\"${GROQ_API_KEY}\"}}}";
        assertThatThrownBy(() -> library(unresolved, Map.of()).resolve("assistant", Optional.empty()))
                .isInstanceOfSatisfying(AgentStartException.class,
                        e -> assertThat(e.code()).isEqualTo("config_invalid"))
                .hasMessageContaining("specialists.media.providers.groq.api-key:")
                .hasMessageContaining("${GROQ_API_KEY}");
        assertThatThrownBy(() -> library("{\"agents\":{\"folder\":\"/no/such/agents\"}}", Map.of())
                .resolve("concierge", Optional.empty()))
                .hasMessageContaining("specialists.media.agents.folder: '/no/such/agents' is not a folder");
        assertThatThrownBy(() -> library("{\"agents\":{\"foldr\":\"agents\"}}", Map.of())
                .resolve("assistant", Optional.empty()))
                .hasMessageContaining("specialists.media.agents.foldr: unknown key (allowed: folder, stt, llm, tts)");
    }

    @Test
    void anAgentWithItsOwnSttNeedsNoSessionStt(@TempDir Path agents) throws Exception {
        Files.writeString(agents.resolve("desk.toml"), """
                [agents.desk]
                instructions = "You help."
                stt = ["listener", "backup-listener"]
                """);
        String config = "{\"agents\":{\"folder\":\"" + agents + "\",\"stt\":\"none\",\"tts\":\"espeak\"},"
                + "\"providers\":{\"listener\":{\"kind\":\"stt\",\"type\":\"deepgram\",\"api-key\":\"${DG_KEY}\"},"
                + "\"backup-listener\":{\"kind\":\"stt\",\"type\":\"openai\"}}}";
        ResolvedAgent desk = library(config, Map.of("DG_KEY", KEY, "OPENAI_API_KEY", KEY)).resolve("desk",
                Optional.empty());
        assertThat(desk.providers()).isEqualTo("stt=(the agent's) llm=openai tts=espeak");
        assertThat(desk.agent().stt()).get().extracting(s -> s.name()).isEqualTo("listener>backup-listener");
        assertThat(desk.stt()).as("the session's STT is none").isEmpty();
        Files.writeString(agents.resolve("desk.toml"), Files.readString(agents.resolve("desk.toml"))
                .replace("\"backup-listener\"]", "\"x\"]"));
        assertThatThrownBy(() -> library(config, Map.of("DG_KEY", KEY)).resolve("desk", Optional.empty()))
                .hasMessageContaining("desk.toml:3:agents.desk.stt: no STT provider named 'x' is configured")
                .hasMessageNotContaining(KEY);
    }

    /** A mode with the session defaults {@code agents} (JSON members) and a declared LLM {@code groq}. */
    private static String sessionDefaults(String agents) {
        return "{\"agents\":{" + agents + "},\"providers\":{\"groq\":{\"kind\":\"llm\",\"type\":\"openai\","
                + "\"model\":\"m\",\"api-key\":\"${GROQ_API_KEY}\"}}}";
    }

    @Test
    void sessionDefaultsMayBeFallbackChainsNamedLikeAnAgentFilesChains() {
        Map<String, String> env = Map.of("OPENAI_API_KEY", KEY, "DEEPGRAM_API_KEY", KEY, "GROQ_API_KEY", KEY);
        ResolvedAgent assistant = library(sessionDefaults("\"stt\":[\"deepgram\",\"openai\"],"
                + "\"llm\":[\"groq\",\"openai\"],\"tts\":[\"espeak\"]"), env).resolve("assistant", Optional.empty());
        assertThat(assistant.providers()).isEqualTo("stt=deepgram>openai llm=groq>openai tts=espeak");
        assertThat(assistant.stt()).get().isInstanceOfSatisfying(FallbackSpeechToText.class, chain -> {
            assertThat(chain.name()).isEqualTo("deepgram>openai");
            assertThat(chain.providers()).extracting(SpeechToText::name).containsExactly("deepgram", "openai");
        });
        assertThat(assistant.llm()).get().isInstanceOfSatisfying(FallbackLanguageModel.class,
                chain -> assertThat(chain.providers()).extracting(LanguageModel::name)
                        .containsExactly("groq", "openai"));
        assertThat(assistant.tts()).as("a one-name list is that provider").get()
                .isNotInstanceOf(FallbackTextToSpeech.class).extracting(TextToSpeech::name).isEqualTo("espeak");
        assertThat(assistant.toString()).doesNotContain(KEY);
    }

    @Test
    void badSessionChainsAreNamedAtTheirModeKeysWithoutKeys() {
        Map<String, String> env = Map.of("OPENAI_API_KEY", KEY);
        assertThatThrownBy(() -> library(sessionDefaults("\"stt\":[\"auto\",\"openai\"]"), env)
                .resolve("assistant", Optional.empty()))
                .isInstanceOfSatisfying(AgentStartException.class,
                        e -> assertThat(e.code()).isEqualTo("config_invalid"))
                .hasMessage("agent 'assistant' cannot be started: specialists.media.agents.stt: \"auto\" and \"none\""
                        + " stand alone; a fallback chain names provider instances, was [\"auto\",\"openai\"]");
        assertThatThrownBy(() -> library(sessionDefaults("\"tts\":[\"espeak\",\"none\"]"), env)
                .resolve("assistant", Optional.empty()))
                .hasMessageContaining("specialists.media.agents.tts: \"auto\" and \"none\" stand alone");
        assertThatThrownBy(() -> library(sessionDefaults("\"stt\":[\"deepgram\",\"openai\",\"nova\"]"), env)
                .resolve("assistant", Optional.empty())).as("each missing instance, DEEPGRAM_API_KEY being unset")
                .hasMessageContaining("specialists.media.agents.stt: no STT provider named 'deepgram' is configured")
                .hasMessageContaining("specialists.media.agents.stt: no STT provider named 'nova' is configured");
        for (String one : List.of("\"deepgram\"", "[\"deepgram\"]")) {
            assertThatThrownBy(() -> library(sessionDefaults("\"stt\":" + one), env)
                    .resolve("assistant", Optional.empty())).as("one name, %s, is located like a chain", one)
                    .hasMessage("agent 'assistant' cannot be started: specialists.media.agents.stt: no STT provider"
                            + " named 'deepgram' is configured");
        }
        assertThatThrownBy(() -> library(sessionDefaults("\"llm\":[\"openai\",\"openai\"]"), env)
                .resolve("assistant", Optional.empty()))
                .hasMessageContaining("specialists.media.agents.llm: a fallback chain names each provider once");
        assertThatThrownBy(() -> library(sessionDefaults("\"llm\":[]"), env).resolve("assistant", Optional.empty()))
                .hasMessageContaining("specialists.media.agents.llm: must be a provider name or a non-empty array");
        assertThatThrownBy(() -> library(sessionDefaults("\"stt\":7"), env).resolve("assistant", Optional.empty()))
                .hasMessageContaining("specialists.media.agents.stt: must be a provider name");
        String leaky = "{\"agents\":{\"llm\":[\"openai\",\"leaky\"]},\"providers\":{\"leaky\":{\"kind\":\"llm\","
                + "\"type\":\"openai\",\"model\":\"m\",\"api-key\":\"" + KEY + "\"}}}";
        assertThatThrownBy(() -> library(leaky, env).resolve("assistant", Optional.empty()))
                .as("a chain member's own table error keeps its place; the literal key is not shown")
                .hasMessageContaining("specialists.media.providers.leaky.api-key: must be a reference")
                .hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> library(sessionDefaults("\"llm\":[\"groq\",\"openai\"]"), env)
                .resolve("assistant", Optional.empty()))
                .hasMessageContaining("specialists.media.providers.groq.api-key: cannot resolve the reference"
                        + " ${GROQ_API_KEY}");
    }

    @Test
    void echoNeedsNothingEvenWhenTheAgentFilesAreBroken() {
        AgentLibrary broken = library("{\"agents\":{\"foldr\":1},\"providers\":[]}", Map.of());
        assertThat(broken.resolve("echo", Optional.of("Hi")).agent().greeting()).contains("Hi");
        assertThat(broken.names()).containsExactly("echo", "assistant");
    }
}
