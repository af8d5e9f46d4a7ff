package dev.switchboard.media.voice.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.media.rtc.LocalAudioTrack;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcRooms;
import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.media.voice.spi.ChatMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whom a session listens to in a real room: with no identity configured, the first person (a participant of
 * kind standard or SIP), never another agent — even one that speaks and chats before the user arrives.
 */
class UserLinkTest {

    @RegisterExtension
    static final RtcRooms ROOMS = RtcRooms.namespace();

    @Test
    void anotherAgentIsNotTakenForTheUser() throws Exception {
        ScriptedLlm llm = new ScriptedLlm("llm", 20, r -> List.of(new ScriptedLlm.Text("Hi, person.")));
        SessionOptions options = SessionOptions.builder(new EnergyVad(400))
                .stt(new ScriptedStt(30, "hello I am the user")).llm(llm)
                .tts(new ToneTts(100, 10)).build();
        try (RoomSession agentRoom = ROOMS.agent("agent", "link");
             AgentSession session = AgentSession.start(agentRoom, Agent.builder("assistant").build(), options);
             RoomSession otherAgent = ROOMS.agent("other-agent", "link")) {
            LocalAudioTrack otherVoice = otherAgent.publishAudio("voice");
            Thread.sleep(500);
            otherVoice.write(Utterances.speak("I am the other agent"));
            otherAgent.sendText("lk.chat", "a chat message from the other agent", Map.of(), List.of());
            TestUser.waitFor(() -> otherVoice.queuedMillis() == 0, 10_000);
            Thread.sleep(1_000);
            try (TestUser user = TestUser.join(ROOMS, "link")) {
                Thread.sleep(500);
                user.say(Utterances.speak("Hello, I am the user"));
                user.waitSpoken();
                TestUser.waitFor(() -> user.finals("SG_agent_").contains("Hi, person."), 15_000);
                assertThat(user.finals("SG_agent_")).contains("Hi, person.");
            }
            assertThat(llm.requests).as("one turn, the person's").hasSize(1);
            assertThat(session.history().getFirst()).as("the other agent's speech and chat were not turns")
                    .isInstanceOfSatisfying(ChatMessage.User.class, u -> assertThat(u.text())
                            .isEqualTo("hello I am the user"));
        }
    }
}
