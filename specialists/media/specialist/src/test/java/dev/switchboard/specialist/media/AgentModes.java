package dev.switchboard.specialist.media;

import dev.switchboard.testkit.fakes.FakeOpenAi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A modes folder and an agents folder for tests: providers declared in {@code media.toml} that talk to a
 * {@link FakeOpenAi} (LLM, STT and TTS, key {@code ${OPENAI_API_KEY}}), and the agent file
 * {@code agents/shop.toml} defining {@code concierge}.
 */
final class AgentModes {

    static final String INSTRUCTIONS = "You are the shop's concierge. Answer in one short sentence.";
    static final String SHOP = """
            # agents of the test shop
            [agents.concierge]
            instructions = "%s"
            greeting = "Welcome to the shop."
            llm = "fake-llm"
            chat-context = "%s"
            """;

    private AgentModes() {
    }

    /**
     * Replaces the session's {@code stt = "fake-stt"} of {@code <modes>/media.toml} by {@code stt} (a TOML value)
     * and adds the provider {@code tables}.
     */
    static void sessionStt(Path modes, String stt, String tables) throws IOException {
        Path media = modes.resolve("media.toml");
        Files.writeString(media, Files.readString(media).replace("stt = \"fake-stt\"", "stt = " + stt) + tables);
    }

    /** Writes {@code <dir>/modes/media.toml} and {@code <dir>/agents/shop.toml}; returns the modes folder. */
    static Path write(Path dir, FakeOpenAi openai, String chatContext) throws IOException {
        Path modes = Files.createDirectories(dir.resolve("modes"));
        Path agents = Files.createDirectories(dir.resolve("agents"));
        StringBuilder toml = new StringBuilder();
        for (String kind : new String[] {"llm", "stt", "tts"}) {
            toml.append("[specialists.media.providers.fake-").append(kind).append("]\n")
                    .append("kind = \"").append(kind).append("\"\ntype = \"openai\"\n")
                    .append(kind.equals("llm") ? "model = \"gpt-test\"\n" : "")
                    .append("base-url = \"").append(openai.baseUrl()).append("\"\n")
                    .append("api-key = \"${OPENAI_API_KEY}\"\n\n");
        }
        toml.append("""
                [specialists.media.agents]
                folder = "%s"
                stt = "fake-stt"
                llm = "none"
                tts = "fake-tts"

                [specialists.media.worker]
                agent = "concierge"
                """.formatted(agents.toAbsolutePath()));
        Files.writeString(modes.resolve("media.toml"), toml);
        Files.writeString(agents.resolve("shop.toml"), SHOP.formatted(INSTRUCTIONS, chatContext));
        return modes;
    }
}
