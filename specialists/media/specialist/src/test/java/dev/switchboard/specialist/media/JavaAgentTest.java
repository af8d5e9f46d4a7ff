package dev.switchboard.specialist.media;

import static dev.switchboard.specialist.media.Embedded.ok;
import static dev.switchboard.specialist.media.Embedded.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.media.rtc.RtcClient;
import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.media.voice.tools.FunctionTool;
import dev.switchboard.media.voice.tools.Param;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Specialist;
import dev.switchboard.testkit.SpeechFixtures;
import dev.switchboard.testkit.fakes.ChatReply;
import dev.switchboard.testkit.fakes.FakeOpenAi;
import dev.switchboard.testkit.livekit.LiveKitServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent the embedding application wrote in Java (its tool an annotated method of the application's
 * own object) is registered with {@link MediaSpecialist#withAgents}, started by name through the embedded
 * coordinator's {@code media.agent.start} in a real room, and runs on the mode's providers (a local
 * server speaking OpenAI's protocol): the user asks, the model calls the Java tool, the answer is heard.
 * Its name is listed in errors, and an agent file may not take it.
 */
class JavaAgentTest {

    @RegisterExtension
    static final LiveKitServerExtension LIVEKIT = LiveKitServerExtension.namespace();
    private static final String CANARY = "sk-canary-5b1e07c9aa3f";

    /** The application's tools: plain Java with the application's own state. */
    public static final class ShopHours {
        final List<String> days = new CopyOnWriteArrayList<>();

        /** The opening hours. */
        @FunctionTool("Opening hours of the shop on a given day")
        public String openingHours(@Param("The day of the week") String day) {
            days.add(day);
            return "9 to 18 on " + day;
        }
    }

    @Test
    void javaAgentStartedByNameCallsItsJavaTool(@TempDir Path dir) throws Exception {
        SpeechFixtures.requireEspeak();
        // tag::agent[]
        ShopHours hours = new ShopHours();              // the application's object: its @FunctionTool methods
        Agent clerk = Agent.builder("clerk").instructions("You are the shop's clerk.")
                .greeting("Hello, the clerk here.").toolsOf(hours).build();
        Specialist media = MediaSpecialist.withAgents(clerk);   // then Switchboard.builder().specialist(media)
        // end::agent[]
        try (FakeOpenAi openai = FakeOpenAi.start().requireKey(CANARY);
             Switchboard sb = Embedded.switchboard(LIVEKIT.server(), dir, modes(dir, openai),
                     Map.of("OPENAI_API_KEY", CANARY), media);
             RtcClient rtc = RtcClient.create()) {
            openai.audio().transcriber(u -> "when do you open on monday");
            openai.enqueueChat(ChatReply.toolCall("call_h1", "openingHours", "{\"day\":\"Monday\"}"),
                    ChatReply.text("We open ", "at nine on Monday."));
            TomlAgentTest.User user = TomlAgentTest.User.join(LIVEKIT.server(), rtc, "java-shop");
            long before = System.nanoTime();
            ObjectNode started = ok(sb, "media.agent.start", Json.object().put("room", "java-shop")
                    .put("agent", "clerk"));
            assertThat(started.path("agent").asText()).isEqualTo("clerk");
            assertThat(started.path("providers").asText()).isEqualTo("stt=fake-stt llm=fake-llm tts=fake-tts");
            long delay = user.isGreetedThenAnswered(before);
            ObjectNode stopped = ok(sb, "media.agent.stop", Json.object()
                    .put("session_id", started.path("session_id").asText()));
            System.out.println("Java agent: answer heard " + delay + " ms after the question; tool calls "
                    + stopped.path("report").path("toolCalls"));
            assertThat(hours.days).as("the application's own tool object was called").containsExactly("Monday");
            assertThat(stopped.path("report").path("toolCalls").get(0).path("result").asText())
                    .isEqualTo("9 to 18 on Monday");
            assertThat(stopped.path("report").path("transcript").toString())
                    .contains("Hello, the clerk here.", "when do you open on monday", "We open at nine on Monday.");
            assertThat(openai.chatRequests()).hasSize(2);
            assertThat(openai.chatRequests().getFirst().json().path("tools").get(0).path("function")
                    .path("name").asText()).isEqualTo("openingHours");
            assertThat(openai.chatRequests().get(1).json().path("messages").toString()).contains("9 to 18 on Monday");
            assertThat(started.toString() + stopped).doesNotContain(CANARY);
            user.room().close();
        }
    }

    @Test
    void javaAgentNamesAreListedAndReserved(@TempDir Path dir) throws Exception {
        try (FakeOpenAi openai = FakeOpenAi.start();
             Switchboard sb = Embedded.switchboard(LIVEKIT.server(), dir, modes(dir, openai),
                     Map.of("OPENAI_API_KEY", CANARY), MediaSpecialist.withAgents(Agent.builder("clerk").build()))) {
            OperationResult unknown = run(sb, "media.agent.start", Json.object().put("room", "r").put("agent", "nope"));
            assertThat(unknown).isInstanceOfSatisfying(OperationResult.Failure.class, f -> assertThat(f.message())
                    .isEqualTo("no agent named 'nope' (known: echo, assistant, clerk, concierge)"));

            Path clash = dir.resolve("agents/clash.toml");
            Files.writeString(clash, "[agents.clerk]\ninstructions = \"I am the TOML clerk.\"\n");
            OperationResult taken = run(sb, "media.agent.start", Json.object().put("room", "r")
                    .put("agent", "concierge"));
            assertThat(taken).isInstanceOfSatisfying(OperationResult.Failure.class, f -> {
                assertThat(f.code()).isEqualTo("config_invalid");
                assertThat(f.message()).contains(clash + ":agents.clerk: agent 'clerk' is already defined in Java");
            });
        }
        assertThatThrownBy(() -> MediaSpecialist.withAgents(Agent.builder("echo").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("built-in echo agent");
        assertThatThrownBy(() -> MediaSpecialist.withAgents(Agent.builder("a").build(), Agent.builder("a").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("two agents are named 'a'");
    }

    @Test
    void theAgentGuideShowsThisTestsExample() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/switchboard/specialist/media/JavaAgentTest.java"));
        String example = source.substring(source.indexOf("// tag::agent[]\n") + 16, source.indexOf("        // end::"))
                .replace("\n        ", "\n").strip();
        assertThat(example).startsWith("ShopHours hours").endsWith("specialist(media)");
        assertThat(Files.readString(Path.of("../../../docs/agents.md"))).as("docs/agents.md shows the tested code")
                .contains(example);
    }

    /** The shared test modes, with the mode's LLM as the session default (the Java agent brings none). */
    private static Path modes(Path dir, FakeOpenAi openai) throws Exception {
        Path modes = AgentModes.write(dir, openai, "carry");
        Path media = modes.resolve("media.toml");
        Files.writeString(media, Files.readString(media).replace("llm = \"none\"", "llm = \"fake-llm\""));
        return modes;
    }
}
