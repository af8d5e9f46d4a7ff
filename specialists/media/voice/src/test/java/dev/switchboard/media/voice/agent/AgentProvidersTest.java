package dev.switchboard.media.voice.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.media.voice.provider.FallbackLanguageModel;
import dev.switchboard.media.voice.provider.FallbackSpeechToText;
import dev.switchboard.media.voice.provider.TestProviders;
import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.media.voice.spi.SttListener;
import dev.switchboard.media.voice.spi.SttOptions;
import dev.switchboard.media.voice.spi.SttStream;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.spi.ConfigException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An agent file's own providers: {@code stt}, {@code llm} and {@code tts} name instances the lookup knows,
 * an array of names is a fallback chain in that order, and every bad value is named as file:line:key (a
 * declared instance's own errors keep the location the lookup gave them).
 */
class AgentProvidersTest {

    private static final String FILE = """
            [agents.reception]
            instructions = "You greet callers."
            handoffs = ["billing"]

            [agents.billing]
            instructions = "You handle bills."
            stt = "deepgram"
            llm = ["groq", "local"]
            """;

    private final Map<String, SpeechToText> stts = Map.of("deepgram", stt("deepgram"), "whisper", stt("whisper"));
    private final Map<String, LanguageModel> llms = Map.of("groq", llm("groq"), "local", llm("local"));

    private final ProviderLookup lookup = new ProviderLookup() {
        @Override
        public Optional<LanguageModel> llm(String name) {
            return Optional.ofNullable(llms.get(name));
        }

        @Override
        public Optional<TextToSpeech> tts(String name) {
            return Optional.empty();
        }

        @Override
        public Optional<SpeechToText> stt(String name) {
            if (name.equals("broken")) {
                throw new ConfigException("modes/media.toml:7:specialists.media.providers.broken.type",
                        "unknown speech-to-text type 'asr'");
            }
            return Optional.ofNullable(stts.get(name));
        }
    };

    private AgentCatalog parse(String toml) {
        return AgentDefinitions.parse(toml, "agents/shop.toml", lookup, TestProviders.secrets());
    }

    @Test
    void anAgentNamesItsOwnSttAndAFallbackChainOfModels() {
        AgentCatalog catalog = parse(FILE);
        assertThat(catalog.start().stt()).as("reception uses the session's STT").isEmpty();
        Agent billing = catalog.agent("billing").orElseThrow();
        assertThat(billing.stt()).containsSame(stts.get("deepgram"));
        assertThat(billing.llm()).get().isInstanceOfSatisfying(FallbackLanguageModel.class, chain -> {
            assertThat(chain.name()).isEqualTo("groq>local");
            assertThat(chain.providers()).containsExactly(llms.get("groq"), llms.get("local"));
        });
        Agent listed = parse(FILE.replace("stt = \"deepgram\"", "stt = [\"deepgram\", \"whisper\"]"))
                .agent("billing").orElseThrow();
        assertThat(listed.stt()).get().isInstanceOfSatisfying(FallbackSpeechToText.class,
                chain -> assertThat(chain.providers()).containsExactly(stts.get("deepgram"), stts.get("whisper")));
        assertThat(parse(FILE.replace("llm = [\"groq\", \"local\"]", "llm = [\"local\"]")).agent("billing")
                .orElseThrow().llm()).as("a one-name list is that provider").containsSame(llms.get("local"));
    }

    @Test
    void badProviderValuesAreNamedAtTheirKey() {
        assertProblem(FILE.replace("\"deepgram\"", "\"nova\""), "agents/shop.toml:7:agents.billing.stt",
                "no STT provider named 'nova' is configured");
        assertProblem(FILE.replace("\"deepgram\"", "42"), "agents/shop.toml:7:agents.billing.stt",
                "must be a provider name or a non-empty array of names");
        assertProblem(FILE.replace("\"deepgram\"", "[]"), "agents/shop.toml:7:agents.billing.stt",
                "must be a provider name or a non-empty array of names");
        assertProblem(FILE.replace("\"deepgram\"", "[\"deepgram\", 1]"), "agents/shop.toml:7:agents.billing.stt",
                "must be a provider name");
        assertProblem(FILE.replace("[\"groq\", \"local\"]", "[\"groq\", \"groq\"]"),
                "agents/shop.toml:8:agents.billing.llm", "names each provider once");
        assertProblem(FILE.replace("[\"groq\", \"local\"]", "[\"groq\", \"ollama\"]"),
                "agents/shop.toml:8:agents.billing.llm", "no LLM provider named 'ollama'");
        assertProblem(FILE.replace("[\"groq\", \"local\"]", "[\"auto\", \"local\"]"),
                "agents/shop.toml:8:agents.billing.llm", "\"auto\" and \"none\" stand alone");
        assertProblem(FILE.replace("\"deepgram\"", "[\"deepgram\", \"none\"]"),
                "agents/shop.toml:7:agents.billing.stt", "\"auto\" and \"none\" stand alone");
    }

    @Test
    void aDeclaredInstancesOwnErrorKeepsItsModeLocationAndOthersAreStillReported() {
        assertThatThrownBy(() -> parse(FILE.replace("\"deepgram\"", "\"broken\"")
                .replace("[\"groq\", \"local\"]", "\"ollama\"")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigException.Problem::toString).containsExactly(
                                "modes/media.toml:7:specialists.media.providers.broken.type: unknown speech-to-text"
                                        + " type 'asr'",
                                "agents/shop.toml:8:agents.billing.llm: no LLM provider named 'ollama' is configured"));
    }

    private void assertProblem(String toml, String location, String message) {
        AgentDefinitionsTest.assertProblem(() -> parse(toml), location, message);
    }

    private static SpeechToText stt(String name) {
        return new SpeechToText() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean streaming() {
                return true;
            }

            @Override
            public SttStream stream(SttOptions options, SttListener listener) {
                throw new UnsupportedOperationException("not streamed in this test");
            }
        };
    }

    private static LanguageModel llm(String name) {
        return new LanguageModel() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public dev.switchboard.media.voice.spi.LlmCall chat(dev.switchboard.media.voice.spi.ChatRequest r,
                                                                  dev.switchboard.media.voice.spi.LlmListener l) {
                return () -> { };
            }
        };
    }
}
