package dev.switchboard.media.voice.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcRooms;
import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.media.voice.provider.FallbackOptions;
import dev.switchboard.media.voice.provider.Providers;
import dev.switchboard.media.voice.provider.TestProviders;
import dev.switchboard.media.voice.spi.Failover;
import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.spi.TimeSource;
import dev.switchboard.testkit.fakes.ChatReply;
import dev.switchboard.testkit.fakes.FakeDeepgram;
import dev.switchboard.testkit.fakes.FakeElevenLabs;
import dev.switchboard.testkit.fakes.FakeOpenAi;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provider failover in a real room, over the providers' wire protocols: the primary STT (Deepgram
 * protocol) drops its stream mid-utterance, the primary LLM (OpenAI protocol) answers HTTP 500 and
 * the primary TTS (ElevenLabs protocol) never answers; the backups serve the turn and the user hears
 * the answer. On the next turn the open circuit breakers skip the dead LLM and TTS without a request,
 * the STT stream stays on its backup, and the session report and metrics record each failover.
 */
class FailoverAgentTest {

    @RegisterExtension
    static final RtcRooms ROOMS = RtcRooms.namespace();

    /** One failure opens a breaker (the defaults need three calls). */
    private static final FallbackOptions ONE_STRIKE = new FallbackOptions(50, 4, 1, Duration.ofSeconds(30));

    @Test
    void backupsServeTheTurnAndOpenBreakersSkipTheDeadPrimaries(@TempDir Path reports) throws Exception {
        try (FakeDeepgram sttA = FakeDeepgram.start().dropAfter(32_000, 1011);
             FakeDeepgram sttB = FakeDeepgram.start().enqueueTranscripts("what is the weather in Paris",
                     "and tomorrow");
             FakeOpenAi llmA = FakeOpenAi.start().enqueueChat(ChatReply.error(500, "boom"));
             FakeOpenAi llmB = FakeOpenAi.start();
             FakeElevenLabs ttsA = FakeElevenLabs.start().silent();
             FakeElevenLabs ttsB = FakeElevenLabs.start()) {
            Providers providers = Providers.builtIn(TestProviders.secrets(), TimeSource.system())
                    .withFallback(ONE_STRIKE);
            String key = "\"api_key\":\"${TEST_KEY}\"";
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            SessionOptions options = SessionOptions.builder(new EnergyVad(400))
                    .stt(deepgramChain(providers, sttA, sttB))
                    .llm(providers.llm("agents.support.llm", TestProviders.json(chain(
                            "{\"type\":\"openai\",\"name\":\"primary\",\"model\":\"m\",\"base_url\":\""
                                    + llmA.baseUrl() + "\"}",
                            "{\"type\":\"openai\",\"name\":\"backup\",\"model\":\"m\",\"base_url\":\""
                                    + llmB.baseUrl() + "\"}"))))
                    .tts(providers.tts("agents.support.tts", TestProviders.json(chain(
                            "{\"type\":\"elevenlabs\",\"name\":\"primary\",\"idle_timeout_ms\":1500,\"base_url\":\""
                                    + ttsA.baseUrl() + "\"," + key + "}",
                            "{\"type\":\"elevenlabs\",\"name\":\"backup\",\"base_url\":\"" + ttsB.baseUrl() + "\","
                                    + key + "}"))))
                    .meters(meters).reportDirectory(reports).build();
            Agent agent = Agent.builder("support").instructions("You help.").build();
            try (RoomSession agentRoom = ROOMS.agent("agent", "failover");
                 TestUser user = TestUser.join(ROOMS, "failover")) {
                AgentSession session = AgentSession.start(agentRoom, agent, options);
                Thread.sleep(500);

                long stopped = turn(user, "What is the weather in Paris?", "You said: what is the weather in Paris");
                assertThat(user.agentAudioAfter(stopped, 500)).as("the backup TTS's answer is heard").isPresent();
                assertThat(llmA.chatRequests()).as("the primary LLM was asked once and failed").hasSize(1);
                assertThat(ttsA.requests()).as("the primary TTS was opened once and stalled").hasSize(1);
                assertThat(sttA.connections()).isEqualTo(1);
                assertThat(sttB.connections()).isEqualTo(1);

                stopped = turn(user, "And tomorrow?", "You said: and tomorrow");
                assertThat(user.agentAudioAfter(stopped, 500)).as("the second answer is heard").isPresent();
                assertThat(llmA.chatRequests()).as("the open breaker skipped the primary LLM").hasSize(1);
                assertThat(ttsA.requests()).as("the open breaker skipped the primary TTS").hasSize(1);
                assertThat(sttA.connections()).as("the STT stream stayed on its backup").isEqualTo(1);
                assertThat(llmB.chatRequests()).hasSizeGreaterThanOrEqualTo(2);

                List<SessionReport.FailoverRecord> failovers = session.report().failovers();
                System.out.println("failovers: " + failovers);
                session.report().turns().forEach(t -> System.out.printf("failover turn %d: end-to-end %d ms%n",
                        t.turn(), t.endToEnd().toMillis()));
                assertThat(failovers).filteredOn(f -> f.kind().equals("stt")).singleElement().satisfies(f -> {
                    assertThat(f.from()).isEqualTo("primary");
                    assertThat(f.to()).isEqualTo("backup");
                    assertThat(f.reason()).isNotEqualTo(Failover.BREAKER_OPEN);
                });
                assertThat(failovers).filteredOn(f -> f.kind().equals("llm"))
                        .extracting(SessionReport.FailoverRecord::from, SessionReport.FailoverRecord::to,
                                SessionReport.FailoverRecord::reason)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("primary", "backup", "HTTP 500: boom"),
                                org.assertj.core.groups.Tuple.tuple("primary", "backup", Failover.BREAKER_OPEN));
                assertThat(failovers).filteredOn(f -> f.kind().equals("tts"))
                        .extracting(SessionReport.FailoverRecord::reason)
                        .satisfiesExactly(r -> assertThat(r).contains("no audio for 1500 ms"),
                                r -> assertThat(r).isEqualTo(Failover.BREAKER_OPEN));
                assertThat(count(meters, "llm", "false")).isEqualTo(1);
                assertThat(count(meters, "llm", "true")).isEqualTo(1);
                assertThat(count(meters, "tts", "true")).isEqualTo(1);
                assertThat(count(meters, "stt", "false")).isEqualTo(1);

                session.close();
                String report = Files.readString(reports.resolve(session.id() + ".json"));
                assertThat(report).contains("\"failovers\"", "HTTP 500: boom", Failover.BREAKER_OPEN)
                        .doesNotContain(TestProviders.CANARY_KEY);
            }
        }
    }

    /** The user says {@code words} and the agent answers {@code answer}; returns when the user stopped talking. */
    private static long turn(TestUser user, String words, String answer) throws Exception {
        int before = user.finals("SG_agent_").size();
        user.say(Utterances.speak(words));
        user.waitSpoken();
        long stopped = System.nanoTime();
        TestUser.waitFor(() -> user.finals("SG_agent_").size() > before, 30_000);
        assertThat(user.finals("SG_agent_")).as("what the agent said").hasSizeGreaterThan(before);
        assertThat(user.finals("SG_agent_").get(before)).isEqualTo(answer);
        user.awaitAnswerHeard(stopped);
        return stopped;
    }

    /** A Deepgram chain {@code primary>backup} over two fakes, with the canary key. */
    static SpeechToText deepgramChain(Providers providers, FakeDeepgram primary, FakeDeepgram backup) {
        String key = "\"api_key\":\"${TEST_KEY}\"";
        return providers.stt("agents.support.stt", TestProviders.json(chain(
                "{\"type\":\"deepgram\",\"name\":\"primary\",\"base_url\":\"" + primary.baseUrl() + "\"," + key + "}",
                "{\"type\":\"deepgram\",\"name\":\"backup\",\"base_url\":\"" + backup.baseUrl() + "\"," + key + "}")));
    }

    private static String chain(String first, String second) {
        return "[" + first + "," + second + "]";
    }

    private static double count(SimpleMeterRegistry meters, String kind, String skipped) {
        return meters.find("voice.provider.failovers").tag("kind", kind).tag("skipped", skipped).counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
