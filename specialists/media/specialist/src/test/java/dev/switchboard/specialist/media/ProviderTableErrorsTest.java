package dev.switchboard.specialist.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import dev.switchboard.testkit.livekit.LiveKitServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes in {@code [specialists.media.providers.<name>]} tables, found through the embedded coordinator
 * over a real modes folder: each is reported at once, as {@code file:line:key} of the mode file with the
 * keys spelled as the mode spells them, and no key value (a set one, or one written literally) appears.
 */
class ProviderTableErrorsTest {

    @RegisterExtension
    static final LiveKitServerExtension LIVEKIT = LiveKitServerExtension.loopback();

    private static final String CANARY = "sk-canary-5d1e8b07c3aa";
    private static final String MODE = """
            [specialists.media.agents]
            folder = "%s"

            [specialists.media.providers.typo]
            kind = "llm"
            type = "gemini"

            [specialists.media.providers.odd]
            kind = "asr"
            type = "openai"

            [specialists.media.providers.listener]
            kind = "stt"
            type = "openai"

            [specialists.media.providers.groq]
            kind = "llm"
            type = "openai"
            model = "llama-3.3-70b-versatile"
            api-key = "${GROQ_API_KEY}"

            [specialists.media.providers.sloppy]
            kind = "llm"
            type = "openai"
            model = "m"
            api-key = "${SLOPPY_KEY}"
            first-token-timout-ms = 500

            [specialists.media.providers.leaky]
            kind = "llm"
            type = "openai"
            model = "m"
            api-key = "%s"
            """;
    private static final String AGENTS = """
            [agents.a]
            llm = "typo"
            [agents.b]
            llm = "odd"
            [agents.c]
            llm = "listener"
            [agents.d]
            llm = "groq"
            [agents.e]
            llm = "sloppy"
            [agents.f]
            llm = "leaky"
            """;

    @Test
    void everyProviderTableMistakeIsNamedAtItsModeLine(@TempDir Path dir) throws Exception {
        Path modes = Files.createDirectories(dir.resolve("modes"));
        Path agents = Files.createDirectories(dir.resolve("agents"));
        Files.writeString(modes.resolve("media.toml"), MODE.formatted(agents.toAbsolutePath(), CANARY));
        Files.writeString(agents.resolve("shop.toml"), AGENTS);
        try (Switchboard sb = Embedded.switchboard(LIVEKIT.server(), dir, modes, Map.of("SLOPPY_KEY", CANARY))) {
            OperationResult result = Embedded.run(sb, "media.agent.start",
                    Json.object().put("room", "shop").put("agent", "a"));
            assertThat(result).isInstanceOfSatisfying(OperationResult.Failure.class, f -> {
                System.out.println("provider table errors:\n" + f.message());
                assertThat(f.code()).isEqualTo("config_invalid");
                assertThat(f.message()).contains(
                        "media.toml:6:specialists.media.providers.typo.type: unknown language model type 'gemini'"
                                + " (known: openai)",
                        "media.toml:9:specialists.media.providers.odd.kind: must be \"llm\", \"stt\" or \"tts\","
                                + " was \"asr\"",
                        "media.toml:13:specialists.media.providers.listener.kind: 'listener' is a speech-to-text"
                                + " provider; it was named where a language-model provider is needed",
                        "media.toml:20:specialists.media.providers.groq.api-key: cannot resolve the reference"
                                + " ${GROQ_API_KEY}",
                        "media.toml:27:specialists.media.providers.sloppy.first-token-timout-ms: unknown option"
                                + " (known: api-key, base-url,",
                        "first-token-timeout-ms",
                        "media.toml:33:specialists.media.providers.leaky.api-key: must be a reference");
                assertThat(f.message()).as("the keys' values").doesNotContain(CANARY);
            });
        }
    }
}
