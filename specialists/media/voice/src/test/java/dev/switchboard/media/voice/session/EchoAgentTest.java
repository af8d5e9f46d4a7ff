package dev.switchboard.media.voice.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcRooms;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.media.voice.provider.espeak.EspeakTtsFactory;
import dev.switchboard.media.voice.spi.ProviderSettings;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.media.voice.vad.SileroVad;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.Secret;
import dev.switchboard.spi.Secrets;
import dev.switchboard.spi.TimeSource;
import dev.switchboard.testkit.MachineStalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The echo agent in a real room (Silero VAD, espeak-ng): it greets, then repeats a spoken (espeak-ng) utterance after
 * endpointing; the user hears the greeting and the echo, sees the state attribute move through
 * listening → thinking → speaking, and the session reports the turn's latency.
 */
class EchoAgentTest {

    @RegisterExtension
    static final RtcRooms ROOMS = RtcRooms.namespace();

    private static final Secrets NO_SECRETS = new Secrets() {
        @Override
        public Secret resolve(String reference) {
            throw new ConfigException(reference, "no secrets in this test");
        }

        @Override
        public Optional<Secret> find(String reference) {
            return Optional.empty();
        }
    };

    @Test
    void echoesTheUtteranceAfterEndpointing(@TempDir Path reports) throws Exception {
        short[] utterance = Utterances.speak("The quick brown fox jumps over the lazy dog");
        List<AgentState> states = new CopyOnWriteArrayList<>();
        List<TurnMetrics> turns = new CopyOnWriteArrayList<>();
        TextToSpeech tts = new EspeakTtsFactory().create(new ProviderSettings("espeak",
                JsonNodeFactory.instance.objectNode(), NO_SECRETS, TimeSource.system()));
        SessionOptions options = SessionOptions.builder(SileroVad.create()).tts(tts).reportDirectory(reports).build();
        try (RoomSession agentRoom = ROOMS.agent("agent", "echo");
             TestUser user = TestUser.join(ROOMS, "echo")) {
            AgentSession session = AgentSession.start(agentRoom, Agent.echo("Hello, I repeat what you say."), options);
            session.addListener(new SessionListener() {
                @Override
                public void onStateChanged(AgentState from, AgentState to) {
                    states.add(to);
                }

                @Override
                public void onTurnMetrics(TurnMetrics metrics) {
                    turns.add(metrics);
                }
            });
            TestUser.waitFor(() -> user.agentAudioAfter(0, 500).isPresent(), 15_000);
            assertThat(user.agentAudioAfter(0, 500)).as("the espeak-ng greeting is heard").isPresent();
            TestUser.waitFor(() -> session.state() == AgentState.LISTENING && !session.report().transcript().isEmpty(),
                    15_000);
            Thread.sleep(300);

            MachineStalls.Reading stalls = MachineStalls.now();
            user.say(utterance);
            user.waitSpoken();
            long stopped = System.nanoTime();
            double utteranceSeconds = utterance.length / 48_000.0;
            TestUser.waitFor(() -> turns.size() == 1 && session.state() == AgentState.LISTENING, 20_000);
            user.awaitAnswerHeard(stopped);

            long firstEcho = user.agentAudioAfter(stopped, 1000).orElseThrow();
            long lastEcho = user.lastAgentAudio(1000).orElseThrow();
            double echoSeconds = (lastEcho - firstEcho) / 1e9;
            TurnMetrics m = turns.getFirst();
            System.out.printf("echo: utterance %.2f s, echo heard %.0f ms after the user stopped, echo %.2f s;"
                    + " metrics %s; states at the user %s%n", utteranceSeconds, (firstEcho - stopped) / 1e6,
                    echoSeconds, m, user.states);
            assertThat((firstEcho - stopped) / 1e9).as("the echo starts after endpointing, not before")
                    .isGreaterThan(0.5);
            assertThat(m.endOfUtterance().toMillis()).as("VAD silence plus the 0.5 s min delay")
                    .isGreaterThanOrEqualTo(500);
            assertThat(m.endToEnd()).isGreaterThanOrEqualTo(m.endOfUtterance());
            assertThat(m.frameworkAdded().toMillis()).isLessThan(500);
            assertThat(states).containsSubsequence(AgentState.THINKING, AgentState.SPEAKING, AgentState.LISTENING);
            assertThat(session.report().states()).containsSubsequence("initializing", "listening", "speaking",
                    "listening", "thinking", "speaking", "listening");
            TestUser.waitFor(() -> user.states.containsAll(List.of("listening", "thinking", "speaking")), 5_000);
            assertThat(user.states).containsSubsequence("thinking", "speaking", "listening");
            assertThat(user.finals("SG_agent_")).contains("Hello, I repeat what you say.");

            session.close();
            assertThat(session.state()).isEqualTo(AgentState.CLOSED);
            String report = Files.readString(reports.resolve(session.id() + ".json"));
            assertThat(report).contains("\"endToEnd\"", "Hello, I repeat what you say.", "\"closed\"");
            assertThat(session.report().turns()).hasSize(1);
            MachineStalls.assumeSteadySince(stalls, 500);
            assertThat(echoSeconds).as("the echo is about as long as the utterance, as heard by the user")
                    .isGreaterThan(utteranceSeconds * 0.6).isLessThan(utteranceSeconds * 1.5);
            assertThat((firstEcho - stopped) / 1e9).as("seconds from the user's stop to the echo heard")
                    .isLessThan(5.0);
        }
    }

    @Test
    void silenceOnBothSidesMakesTheUserAwayAndSpeechBringsThemBack() throws Exception {
        SessionOptions options = SessionOptions.builder(new EnergyVad(400))
                .turnHandling(TurnHandling.defaults().withUserAwayTimeout(java.time.Duration.ofSeconds(1))).build();
        try (RoomSession agentRoom = ROOMS.agent("agent", "away");
             TestUser user = TestUser.join(ROOMS, "away");
             AgentSession session = AgentSession.start(agentRoom, Agent.echo(""), options)) {
            TestUser.waitFor(() -> session.state() == AgentState.AWAY, 10_000);
            assertThat(session.state()).isEqualTo(AgentState.AWAY);
            TestUser.waitFor(() -> user.states.contains("away"), 5_000);
            assertThat(user.states).contains("away");
            user.say(Utterances.speak("I am back"));
            TestUser.waitFor(() -> session.report().turns().size() == 1, 15_000);
            assertThat(session.report().states()).containsSubsequence("listening", "away", "listening", "thinking",
                    "speaking");
        }
    }

    @Test
    void aJobRunsUntilTheUserLeavesAndReturnsTheReport() throws Exception {
        SessionOptions options = SessionOptions.builder(new EnergyVad(400)).build();
        var report = new java.util.concurrent.CompletableFuture<SessionReport>();
        var never = new java.util.concurrent.CountDownLatch(1);
        try (RoomSession agentRoom = ROOMS.agent("agent", "job")) {
            TestUser user = TestUser.join(ROOMS, "job");
            Thread.ofVirtual().start(() -> report.complete(AgentSession.run(agentRoom, Agent.echo(""), options, () -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            })));
            user.say(Utterances.speak("Hello job"));
            TestUser.waitFor(() -> user.agentAudioAfter(0, 1000).isPresent(), 15_000);
            assertThat(report).isNotDone();
            user.close();
            SessionReport done = report.get(15, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(done.states()).endsWith("closed");
            assertThat(done.turns()).hasSize(1);
        }
    }
}
