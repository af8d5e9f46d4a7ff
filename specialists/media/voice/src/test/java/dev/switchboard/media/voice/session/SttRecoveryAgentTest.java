package dev.switchboard.media.voice.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcRooms;
import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.media.voice.provider.FallbackOptions;
import dev.switchboard.media.voice.provider.Providers;
import dev.switchboard.media.voice.provider.TestProviders;
import dev.switchboard.spi.TimeSource;
import dev.switchboard.testkit.fakes.FakeDeepgram;
import dev.switchboard.testkit.fakes.FakeElevenLabs;
import dev.switchboard.testkit.fakes.FakeOpenAi;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every STT provider failing, in a real room, over the providers' wire protocols: on turn 1 both
 * Deepgram-protocol servers drop every stream, so the user hears the session's fallback line (once,
 * not an answer to nothing); the servers recover, and at the user's next speech the session re-opens
 * its STT stream (the primary's half-open breaker gets its trial), so turn 2 is transcribed and answered.
 */
class SttRecoveryAgentTest {

    @RegisterExtension
    static final RtcRooms ROOMS = RtcRooms.namespace();

    /** One failure opens a breaker, for 2 s. */
    private static final FallbackOptions SHORT_OPEN = new FallbackOptions(50, 4, 1, Duration.ofSeconds(2));
    private static final String FALLBACK = "Sorry, I did not catch that. Please say it again.";

    @Test
    void everySttFailingSaysTheFallbackLineAndTheNextTurnIsHeardOnceTheServerRecovers() throws Exception {
        try (FakeDeepgram sttA = FakeDeepgram.start().dropAfter(8_000, 1011).enqueueTranscripts("and tomorrow");
             FakeDeepgram sttB = FakeDeepgram.start().dropAfter(8_000, 1011);
             FakeOpenAi llm = FakeOpenAi.start();
             FakeElevenLabs tts = FakeElevenLabs.start()) {
            Providers providers = Providers.builtIn(TestProviders.secrets(), TimeSource.system())
                    .withFallback(SHORT_OPEN);
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            SessionOptions options = SessionOptions.builder(new EnergyVad(400))
                    .stt(FailoverAgentTest.deepgramChain(providers, sttA, sttB))
                    .llm(providers.llm("agents.support.llm", TestProviders.json(
                            "{\"type\":\"openai\",\"model\":\"m\",\"base_url\":\"" + llm.baseUrl() + "\"}")))
                    .tts(providers.tts("agents.support.tts", TestProviders.json(
                            "{\"type\":\"elevenlabs\",\"base_url\":\"" + tts.baseUrl()
                                    + "\",\"api_key\":\"${TEST_KEY}\"}")))
                    .fallbackLine(FALLBACK).meters(meters).build();
            Agent agent = Agent.builder("support").instructions("You help.").build();
            try (RoomSession agentRoom = ROOMS.agent("agent", "sttfail");
                 TestUser user = TestUser.join(ROOMS, "sttfail");
                 AgentSession session = AgentSession.start(agentRoom, agent, options)) {
                Thread.sleep(500);

                long stopped = turn(user, "What is the weather in Paris?");
                assertThat(user.finals("SG_agent_")).as("turn 1: the fallback line, said once")
                        .containsExactly(FALLBACK);
                assertThat(user.agentAudioAfter(stopped, 500)).as("never dead air").isPresent();
                assertThat(llm.chatRequests()).as("nothing was heard, so nothing was asked").isEmpty();
                assertThat(session.report().providerFailures()).as("the STT chain's failures").isNotEmpty()
                        .allSatisfy(f -> {
                            assertThat(f.kind()).isEqualTo("stt");
                            assertThat(f.reason()).contains("every provider failed");
                        });
                assertThat(meters.counter("voice.provider.exhausted", "kind", "stt").count()).isGreaterThan(0);
                assertThat(meters.counter("voice.fallback_line", "kind", "stt").count()).isEqualTo(1);
                int primaryTries = sttA.connections();
                System.out.printf("stt outage: %d primary / %d backup connections, failures %s%n", primaryTries,
                        sttB.connections(), session.report().providerFailures());

                int failures = session.report().providerFailures().size();
                int tries = primaryTries + sttB.connections();
                sttA.dropAfter(-1, 0);
                sttB.dropAfter(-1, 0);
                Thread.sleep(SHORT_OPEN.openFor().toMillis() + 500);
                assertThat(sttA.connections() + sttB.connections()).as("no retry while the user is silent")
                        .isEqualTo(tries);
                assertThat(session.report().providerFailures()).hasSize(failures);
                long stopped2 = turn(user, "And tomorrow?");
                assertThat(user.finals("SG_agent_")).as("turn 2 is transcribed and answered")
                        .containsExactly(FALLBACK, "You said: and tomorrow");
                assertThat(sttA.connections()).as("the primary's half-open breaker got its trial")
                        .isGreaterThan(primaryTries);
                assertThat(meters.counter("voice.fallback_line", "kind", "stt").count()).isEqualTo(1);
                System.out.printf("stt recovery: fallback line audible %d ms after turn 1, answer %d ms after turn 2%n",
                        (user.agentAudioAfter(stopped, 500).orElseThrow() - stopped) / 1_000_000,
                        (user.agentAudioAfter(stopped2, 500).orElseThrow() - stopped2) / 1_000_000);
                assertThat(session.report().transcript()).extracting(SessionReport.Entry::text)
                        .doesNotContain("None", "null");
            }
        }
    }

    /** The user says {@code words}; returns when the user stopped, once the agent has answered and gone quiet. */
    private static long turn(TestUser user, String words) throws Exception {
        int before = user.finals("SG_agent_").size();
        user.say(Utterances.speak(words));
        user.waitSpoken();
        long stopped = System.nanoTime();
        TestUser.waitFor(() -> user.finals("SG_agent_").size() > before, 30_000);
        user.awaitAnswerHeard(stopped);
        return stopped;
    }
}
