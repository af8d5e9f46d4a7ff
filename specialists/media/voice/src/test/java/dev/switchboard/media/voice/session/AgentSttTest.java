package dev.switchboard.media.voice.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcRooms;
import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.media.voice.provider.Providers;
import dev.switchboard.media.voice.provider.TestProviders;
import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.spi.TimeSource;
import dev.switchboard.testkit.fakes.ChatReply;
import dev.switchboard.testkit.fakes.FakeDeepgram;
import dev.switchboard.testkit.fakes.FakeOpenAi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An agent's own speech-to-text, in a real room over the providers' wire protocols: the session's STT
 * (a Deepgram-protocol fake) hears the user while the reception agent, which names none, is active; the
 * OpenAI-protocol LLM hands over to billing, whose own STT (a second fake) takes over (the session's
 * stream is closed) and transcribes the next turn; a handoff back re-opens the session's STT, and a
 * handoff between two agents on the same STT keeps the stream.
 */
class AgentSttTest {

    @RegisterExtension
    static final RtcRooms ROOMS = RtcRooms.namespace();

    @Test
    void theActiveAgentsOwnSttHearsTheUserAndTheSessionsOtherwise() throws Exception {
        try (FakeDeepgram sessionStt = FakeDeepgram.start().enqueueTranscripts("please transfer me to billing");
             FakeDeepgram billingStt = FakeDeepgram.start().enqueueTranscripts("what do I owe");
             FakeOpenAi llm = FakeOpenAi.start().enqueueChat(ChatReply.toolCall("call_1", "transfer_to_billing",
                     "{}"))) {
            Providers providers = Providers.builtIn(TestProviders.secrets(), TimeSource.system());
            Agent billing = Agent.builder("billing").instructions("You handle bills.").greeting("Billing here.")
                    .stt(deepgram(providers, "billing-stt", billingStt)).build();
            Agent reception = Agent.builder("reception").instructions("You route callers.")
                    .handoff("billing", "Transfer billing questions.", () -> billing).build();
            SessionOptions options = SessionOptions.builder(new EnergyVad(400))
                    .stt(deepgram(providers, "session-stt", sessionStt))
                    .llm(providers.llm("agents.llm", TestProviders.json("{\"type\":\"openai\",\"model\":\"m\","
                            + "\"base_url\":\"" + llm.baseUrl() + "\",\"api_key\":\"${TEST_KEY}\"}")))
                    .tts(new ToneTts(100, 10)).build();
            try (RoomSession agentRoom = ROOMS.agent("agent", "agent-stt");
                 TestUser user = TestUser.join(ROOMS, "agent-stt");
                 AgentSession session = AgentSession.start(agentRoom, reception, options)) {
                TestUser.waitFor(() -> sessionStt.connections() == 1, 5_000);
                assertThat(sessionStt.connections()).as("reception hears through the session's STT").isEqualTo(1);
                assertThat(billingStt.connections()).isZero();
                Thread.sleep(500);

                turn(user, "Please transfer me to billing.", "Billing here.");
                assertThat(session.agent().name()).isEqualTo("billing");
                assertThat(billingStt.connections()).as("billing's own STT was opened").isEqualTo(1);
                assertThat(sessionStt.controls()).as("the session's stream was closed").contains("CloseStream");

                turn(user, "What do I owe?", "You said: what do I owe");
                assertThat(llm.chatRequests()).hasSize(2);
                assertThat(llm.chatRequests().get(1).json().path("messages").toString()).contains("what do I owe");
                assertThat(sessionStt.connections()).as("the session's STT heard nothing more").isEqualTo(1);
                assertThat(session.report().transcript()).filteredOn(e -> e.role().equals("user"))
                        .extracting(SessionReport.Entry::agent, SessionReport.Entry::text).containsExactly(
                                org.assertj.core.groups.Tuple.tuple("reception", "please transfer me to billing"),
                                org.assertj.core.groups.Tuple.tuple("billing", "what do I owe"));

                session.handoff(reception);
                TestUser.waitFor(() -> sessionStt.connections() == 2, 5_000);
                assertThat(sessionStt.connections()).as("back on the session's STT").isEqualTo(2);
                TestUser.waitFor(() -> billingStt.controls().contains("CloseStream"), 5_000);
                assertThat(billingStt.controls()).contains("CloseStream");

                session.handoff(Agent.builder("front").instructions("You also route callers.").build());
                TestUser.waitFor(() -> session.agent().name().equals("front"), 5_000);
                Thread.sleep(500);
                assertThat(sessionStt.connections()).as("the same STT keeps its stream").isEqualTo(2);
                assertThat(sessionStt.controls()).containsOnlyOnce("CloseStream");
            }
        }
    }

    /** The user says {@code words} and hears the agent say {@code answer} (its next non-empty segment). */
    private static void turn(TestUser user, String words, String answer) throws Exception {
        int before = said(user).size();
        user.say(Utterances.speak(words));
        user.waitSpoken();
        TestUser.waitFor(() -> said(user).size() > before, 30_000);
        assertThat(said(user)).as("what the agent said").hasSizeGreaterThan(before);
        assertThat(said(user).get(before)).isEqualTo(answer);
        TestUser.waitFor(() -> user.lastAgentAudio(500).filter(t -> System.nanoTime() - t > 700_000_000L)
                .isPresent(), 10_000);
    }

    /** The agent's final segments with words (a tool-call step that said nothing has an empty one). */
    private static java.util.List<String> said(TestUser user) {
        return user.finals("SG_agent_").stream().filter(s -> !s.isBlank()).toList();
    }

    private static SpeechToText deepgram(Providers providers, String name, FakeDeepgram fake) {
        return providers.stt("agents.stt", TestProviders.json("{\"type\":\"deepgram\",\"name\":\"" + name
                + "\",\"base_url\":\"" + fake.baseUrl() + "\",\"api_key\":\"${TEST_KEY}\"}"));
    }
}
