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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An agent's own speech-to-text, in a real room over the providers' wire protocols: the session's STT
 * (a Deepgram-protocol fake) hears the user while the reception agent, which names none, is active; the
 * OpenAI-protocol LLM hands over to billing, whose own STT (a second fake) takes over (the session's
 * stream is closed) and transcribes the next turn; a handoff back re-opens the session's STT, and a
 * handoff between two agents on the same STT keeps the stream. A switch while the user speaks sends the
 * new STT the whole turn (the VAD's prefix padding and the speech so far), so no words are lost.
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

    @Test
    void aSwitchDuringTheUsersTurnSendsTheNewSttTheWholeTurn() throws Exception {
        try (FakeDeepgram sessionStt = FakeDeepgram.start();
             FakeDeepgram billingStt = FakeDeepgram.start().transcriber(samples -> "heard " + samples / 16 + " ms");
             FakeOpenAi llm = FakeOpenAi.start()) {
            Providers providers = Providers.builtIn(TestProviders.secrets(), TimeSource.system());
            Agent billing = Agent.builder("billing").instructions("You handle bills.")
                    .stt(deepgram(providers, "billing-stt", billingStt)).build();
            SessionOptions options = SessionOptions.builder(new EnergyVad(400))
                    .stt(deepgram(providers, "session-stt", sessionStt))
                    .llm(providers.llm("agents.llm", TestProviders.json("{\"type\":\"openai\",\"model\":\"m\","
                            + "\"base_url\":\"" + llm.baseUrl() + "\",\"api_key\":\"${TEST_KEY}\"}")))
                    .tts(new ToneTts(100, 10)).build();
            short[] words = Utterances.speak("Please tell me how much I owe for November and for December.");
            long spokenMillis = loudSpanMillis(words);
            java.util.concurrent.CountDownLatch hearing = new java.util.concurrent.CountDownLatch(1);
            try (RoomSession agentRoom = ROOMS.agent("agent", "stt-switch");
                 TestUser user = TestUser.join(ROOMS, "stt-switch");
                 AgentSession session = AgentSession.start(agentRoom,
                         Agent.builder("reception").instructions("You route callers.").build(), options)) {
                session.addListener(new SessionListener() {
                    @Override
                    public void onUserTranscript(String text, boolean isFinal) {
                        hearing.countDown();
                    }
                });
                Thread.sleep(500);
                Thread speaking = user.sayAsync(words);
                assertThat(hearing.await(10, java.util.concurrent.TimeUnit.SECONDS))
                        .as("the session's STT hears the turn begin").isTrue();
                session.handoff(billing);
                speaking.join();
                user.waitSpoken();
                TestUser.waitFor(() -> !said(user).isEmpty(), 30_000);
                List<SessionReport.Entry> heard = session.report().transcript().stream()
                        .filter(e -> e.role().equals("user")).toList();
                System.out.println("stt switch mid-turn: the user spoke " + spokenMillis + " ms; billing's STT "
                        + heard);
                assertThat(heard).singleElement().satisfies(e -> {
                    assertThat(e.agent()).isEqualTo("billing");
                    long ms = Long.parseLong(e.text().replaceAll("\\D", ""));
                    assertThat(ms).as("billing's STT got the turn from its start, not from the switch")
                            .isGreaterThan(spokenMillis - 300);
                });
                assertThat(said(user).getFirst()).startsWith("You said: heard");
                assertThat(sessionStt.controls()).contains("CloseStream");
            }
        }
    }

    /** From the first to the last sample at or above 500 (what a Deepgram-protocol fake counts as speech). */
    private static long loudSpanMillis(short[] pcm48) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < pcm48.length; i++) {
            if (Math.abs(pcm48[i]) >= 500) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        return first < 0 ? 0 : (last - first) / 48;
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
    private static List<String> said(TestUser user) {
        return user.finals("SG_agent_").stream().filter(s -> !s.isBlank()).toList();
    }

    private static SpeechToText deepgram(Providers providers, String name, FakeDeepgram fake) {
        return providers.stt("agents.stt", TestProviders.json("{\"type\":\"deepgram\",\"name\":\"" + name
                + "\",\"base_url\":\"" + fake.baseUrl() + "\",\"api_key\":\"${TEST_KEY}\"}"));
    }
}
