package dev.switchboard.media.voice.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcRooms;
import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.media.voice.provider.TestProviders;
import dev.switchboard.media.voice.provider.espeak.EspeakTtsFactory;
import dev.switchboard.media.voice.provider.openai.OpenAiLlmFactory;
import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.testkit.fakes.ChatReply;
import dev.switchboard.testkit.fakes.FakeOpenAi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real providers in a real room: the OpenAI-compatible LLM against a local server speaking
 * OpenAI's SSE wire protocol (a streamed tool call, then text), our function tool, and espeak-ng
 * speaking the answer. The API key never reaches the history, the report or the transcript.
 */
class ProviderAgentTest {

    @RegisterExtension
    static final RtcRooms ROOMS = RtcRooms.namespace();

    @Test
    void openAiWireLlmCallsTheToolAndEspeakSpeaksTheAnswer(@TempDir Path reports) throws Exception {
        try (FakeOpenAi openai = FakeOpenAi.start()) {
            openai.enqueueChat(ChatReply.text().withToolCall("call_w1", "getWeather", "{\"city\":\"Paris\"}", 3),
                    ChatReply.text("It is sunny ", "in Paris. ", "Enjoy!"));
            LanguageModel llm = new OpenAiLlmFactory().create(TestProviders.settings("openai-llm",
                    "{\"model\":\"gpt-test\",\"base_url\":\"" + openai.baseUrl() + "\",\"api_key\":\"${TEST_KEY}\"}"));
            TextToSpeech tts = new EspeakTtsFactory().create(TestProviders.settings("espeak", "{}"));
            Agent agent = Agent.builder("weather").instructions("You tell the weather.")
                    .toolsOf(new ConversationTest.WeatherTools()).build();
            SessionOptions options = SessionOptions.builder(new EnergyVad(400))
                    .stt(new ScriptedStt(30, "what is the weather in Paris")).llm(llm).tts(tts)
                    .reportDirectory(reports).build();
            try (RoomSession agentRoom = ROOMS.agent("agent", "openai");
                 TestUser user = TestUser.join(ROOMS, "openai")) {
                AgentSession session = AgentSession.start(agentRoom, agent, options);
                Thread.sleep(500);
                user.say(Utterances.speak("What is the weather in Paris?"));
                user.waitSpoken();
                long stopped = System.nanoTime();
                TestUser.waitFor(() -> !user.finals("SG_agent_").isEmpty(), 20_000);
                assertThat(user.finals("SG_agent_")).containsExactly("It is sunny in Paris. Enjoy!");
                assertThat(user.hearAgent(stopped, 500, Duration.ofSeconds(10))).as("espeak-ng's answer is heard")
                        .isPresent();
                assertThat(session.report().toolCalls()).extracting(SessionReport.ToolCallRecord::result)
                        .containsExactly("sunny and 21 degrees in Paris");
                JsonNode first = openai.chatRequests().getFirst().json();
                assertThat(first.path("tools").get(0).path("function").path("name").asText()).isEqualTo("getWeather");
                JsonNode second = openai.chatRequests().get(1).json();
                assertThat(second.path("messages").toString()).contains("call_w1", "sunny and 21 degrees in Paris");
                session.close();
                String report = Files.readString(reports.resolve(session.id() + ".json"));
                assertThat(report).doesNotContain(TestProviders.CANARY_KEY);
                assertThat(session.history().toString()).doesNotContain(TestProviders.CANARY_KEY);
            }
        }
    }
}
