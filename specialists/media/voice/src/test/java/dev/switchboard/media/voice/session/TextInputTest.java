package dev.switchboard.media.voice.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcRooms;
import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.media.voice.spi.ChatMessage;
import dev.switchboard.media.voice.spi.ChatRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Typed chat in a real room: text the user sends on topic {@code lk.chat} (a LiveKit text data stream, as
 * livekit-client's {@code sendText} and LiveKit's chat components send it) is a turn — it interrupts the
 * agent's speech and is answered; text from another participant, or with text input off, is not.
 */
class TextInputTest {

    @RegisterExtension
    static final RtcRooms ROOMS = RtcRooms.namespace();

    private static final String STORY = "Once upon a time a little red fox walked across a quiet green valley"
            + " looking for a warm dry place to sleep and it walked and walked for a very long time.";

    private static String lastUser(ChatRequest r) {
        return r.messages().getLast() instanceof ChatMessage.User u ? u.text() : "";
    }

    private static void type(TestUser user, String text) {
        user.room.sendText("lk.chat", text, Map.of(), List.of());
    }

    @Test
    void typedTextIsATurnThatInterruptsTheAgent() throws Exception {
        ScriptedLlm llm = new ScriptedLlm("llm", 20, r -> switch (lastUser(r)) {
            case "tell me a long story" -> List.of(new ScriptedLlm.Text(STORY));
            case "what time is it" -> List.of(new ScriptedLlm.Text("It is noon."));
            default -> List.of(new ScriptedLlm.Text("Pardon?"));
        });
        SessionOptions options = SessionOptions.builder(new EnergyVad(400)).stt(new ScriptedStt(30)).llm(llm)
                .tts(new ToneTts(150, 10)).build();
        List<String> interrupted = new CopyOnWriteArrayList<>();
        try (RoomSession agentRoom = ROOMS.agent("agent", "typed");
             TestUser user = TestUser.join(ROOMS, "typed");
             AgentSession session = AgentSession.start(agentRoom, Agent.builder("assistant").build(), options)) {
            session.addListener(new SessionListener() {
                @Override
                public void onInterrupted(String heard) {
                    interrupted.add(heard);
                }
            });
            TestUser.waitFor(() -> user.states.contains("listening"), 10_000);
            long typed = System.nanoTime();
            type(user, "tell me a long story");
            assertThat(user.hearAgent(typed, 500, Duration.ofSeconds(10))).as("the story is heard").isPresent();
            Thread.sleep(1_000);
            assertThat(session.state()).as("still telling the story").isEqualTo(AgentState.SPEAKING);

            try (RoomSession other = ROOMS.join("bystander", "typed")) {
                other.sendText("lk.chat", "ignore me", Map.of(), List.of());
                type(user, "what time is it");
                TestUser.waitFor(() -> user.finals("SG_agent_").contains("It is noon."), 15_000);
            }

            assertThat(user.finals("SG_agent_")).as("the answer to the second message").contains("It is noon.");
            assertThat(interrupted).as("the story was cut by the typed question").hasSize(1);
            assertThat(interrupted.getFirst()).as("what the user heard of it").isNotBlank()
                    .isNotEqualTo(STORY);
            assertThat(STORY).startsWith(interrupted.getFirst());
            assertThat(llm.requests).extracting(TextInputTest::lastUser).as("the bystander is not the user")
                    .containsExactly("tell me a long story", "what time is it");
            assertThat(session.history()).extracting(m -> m.getClass().getSimpleName() + ":" + switch (m) {
                case ChatMessage.User u -> u.text();
                case ChatMessage.Assistant a -> a.text().equals(STORY) ? "whole story" : a.text();
                default -> "";
            }).containsExactly("User:tell me a long story", "Assistant:" + interrupted.getFirst(),
                    "User:what time is it", "Assistant:It is noon.");
        }
    }

    @Test
    void textInputOffIgnoresTypedTextButNotSpeech() throws Exception {
        ScriptedLlm llm = new ScriptedLlm("llm", 20, r -> List.of(new ScriptedLlm.Text("Heard you.")));
        SessionOptions options = SessionOptions.builder(new EnergyVad(400)).stt(new ScriptedStt(30, "hello there"))
                .llm(llm).tts(new ToneTts(100, 10)).textInput(false).build();
        try (RoomSession agentRoom = ROOMS.agent("agent", "untyped");
             TestUser user = TestUser.join(ROOMS, "untyped");
             AgentSession session = AgentSession.start(agentRoom, Agent.builder("assistant").build(), options)) {
            TestUser.waitFor(() -> user.states.contains("listening"), 10_000);
            type(user, "typed but ignored");
            Thread.sleep(500);
            user.say(Utterances.speak("Hello there"));
            user.waitSpoken();
            TestUser.waitFor(() -> user.finals("SG_agent_").contains("Heard you."), 15_000);
            assertThat(user.finals("SG_agent_")).contains("Heard you.");
            assertThat(llm.requests).extracting(TextInputTest::lastUser).as("only the spoken turn")
                    .containsExactly("hello there");
            assertThat(session.history().getFirst()).isEqualTo(new ChatMessage.User("hello there"));
        }
    }

    @Test
    void theEchoAgentSaysWhatIsTyped() throws Exception {
        ToneTts tts = new ToneTts(100, 10);
        SessionOptions options = SessionOptions.builder(new EnergyVad(400)).tts(tts).build();
        try (RoomSession agentRoom = ROOMS.agent("agent", "typed-echo");
             TestUser user = TestUser.join(ROOMS, "typed-echo");
             AgentSession session = AgentSession.start(agentRoom, Agent.echo(""), options)) {
            TestUser.waitFor(() -> user.states.contains("listening"), 10_000);
            long typed = System.nanoTime();
            type(user, "  say this back  ");
            TestUser.waitFor(() -> user.finals("SG_agent_").contains("say this back"), 15_000);
            assertThat(user.finals("SG_agent_")).containsExactly("say this back");
            assertThat(tts.texts).as("spoken through the TTS").anyMatch(t -> t.strip().equals("say this back"));
            assertThat(user.hearAgent(typed, 500, Duration.ofSeconds(10))).as("and heard").isPresent();
            assertThat(session.report().transcript()).extracting(SessionReport.Entry::role, SessionReport.Entry::text)
                    .startsWith(org.assertj.core.groups.Tuple.tuple("user", "say this back"));
        }
    }
}
