package dev.switchboard.specialist.media;

import static dev.switchboard.specialist.media.Embedded.ok;
import static dev.switchboard.specialist.media.Embedded.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.media.rtc.AudioFrame;
import dev.switchboard.media.rtc.LocalAudioTrack;
import dev.switchboard.media.rtc.RoomListener;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcClient;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.SwitchboardEvent;
import dev.switchboard.testkit.Conditions;
import dev.switchboard.testkit.SpeechFixtures;
import dev.switchboard.testkit.fakes.FakeDeepgram;
import dev.switchboard.testkit.fakes.FakeOpenAi;
import dev.switchboard.testkit.livekit.LiveKitServer;
import dev.switchboard.testkit.livekit.LiveKitServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TOML-defined agent run by the media specialist through the embedded coordinator, in a real room:
 * providers declared in the mode ({@code [specialists.media.providers.*]}) talk to a local server
 * speaking OpenAI's wire protocol (STT, streamed chat, speech); a Java participant speaks an espeak-ng
 * utterance and hears the answer. Started with {@code media.agent.start} and as a worker-mode job; the
 * built-in {@code assistant} the same way on {@code OPENAI_API_KEY} + {@code OPENAI_BASE_URL} alone. The
 * key (a canary the fake requires) appears in no result, report or event.
 */
class TomlAgentTest {

    @RegisterExtension
    static final LiveKitServerExtension LIVEKIT = LiveKitServerExtension.namespace();
    private static final String CANARY = "sk-canary-7f3a9c2e51d4";
    private static final String ASKED = "what time does the shop open";

    /** A participant that talks through a microphone track and records the agent's audio levels. */
    record User(RoomSession room, LocalAudioTrack mic, ConcurrentLinkedQueue<long[]> loud) {
        static User join(LiveKitServer server, RtcClient rtc, String room) {
            RoomSession session = Embedded.join(server, rtc, "user-" + room, room);
            ConcurrentLinkedQueue<long[]> loud = new ConcurrentLinkedQueue<>();
            session.addListener(new RoomListener() {
                @Override
                public void onAudioFrame(AudioFrame frame) {
                    if (Embedded.rms(frame.samples()) > 500) {
                        loud.add(new long[] {frame.receivedNanos()});
                    }
                }
            });
            return new User(session, session.publishAudio("microphone"), loud);
        }

        boolean heardAfter(long nanos) {
            return loud.stream().anyMatch(l -> l[0] > nanos);
        }

        /**
         * Asserts the agent's greeting (through the fake TTS) is heard after {@code before}, then asks the
         * question and asserts an answer is heard; returns the answer's delay in ms.
         */
        long isGreetedThenAnswered(long before) throws InterruptedException {
            assertThat(Conditions.waitUntil(Duration.ofSeconds(20), () -> heardAfter(before)))
                    .as("the agent's greeting is heard").isTrue();
            Thread.sleep(2_500);
            short[] speech = SpeechFixtures.say("What time does the shop open?", 48_000);
            mic.write(SpeechFixtures.concat(speech, SpeechFixtures.silence(48_000, Duration.ofMillis(300))));
            Conditions.waitUntil(Duration.ofSeconds(20), () -> mic.queuedMillis() == 0);
            long asked = System.nanoTime();
            assertThat(Conditions.waitUntil(Duration.ofSeconds(20), () -> heardAfter(asked)))
                    .as("the agent's answer is heard after the question").isTrue();
            long delay = loud.stream().mapToLong(l -> l[0]).filter(t -> t > asked).min().orElse(asked) - asked;
            Conditions.waitUntil(Duration.ofSeconds(20), () -> loud.stream().allMatch(
                    l -> System.nanoTime() - l[0] > Duration.ofMillis(700).toNanos()));
            return delay / 1_000_000;
        }
    }

    @Test
    void tomlAgentStartedThroughTheCoordinatorAnswersASpokenQuestion(@TempDir Path dir) throws Exception {
        SpeechFixtures.requireEspeak();
        try (FakeOpenAi openai = FakeOpenAi.start().requireKey(CANARY);
             Switchboard sb = Embedded.switchboard(LIVEKIT.server(), dir, AgentModes.write(dir, openai, "carry"),
                     Map.of("OPENAI_API_KEY", CANARY));
             RtcClient rtc = RtcClient.create()) {
            openai.audio().transcriber(u -> ASKED);
            User user = User.join(LIVEKIT.server(), rtc, "shop");
            long before = System.nanoTime();
            ObjectNode started = ok(sb, "media.agent.start", Json.object().put("room", "shop")
                    .put("agent", "concierge").put("listen_to", "user-shop"));
            assertThat(started.path("agent").asText()).isEqualTo("concierge");
            assertThat(started.path("providers").asText()).isEqualTo("stt=fake-stt llm=(the agent's) tts=fake-tts");
            long delay = user.isGreetedThenAnswered(before);
            System.out.println("TOML agent: answer heard " + delay
                    + " ms after the question's audio ended (VAD silence + endpointing + fake STT/LLM/TTS)");
            ObjectNode stopped = ok(sb, "media.agent.stop", Json.object()
                    .put("session_id", started.path("session_id").asText()));
            String transcript = stopped.path("report").path("transcript").toString();
            assertThat(transcript).contains(ASKED, "You said: " + ASKED, "Welcome to the shop.");
            assertThat(openai.chatRequests()).isNotEmpty();
            assertThat(openai.chatRequests().getFirst().json().path("messages").get(0).path("content").asText())
                    .isEqualTo(AgentModes.INSTRUCTIONS);
            assertThat(started.toString() + stopped).doesNotContain(CANARY);
            user.room().close();
        }
    }

    @Test
    void sessionSttChainCarriesOnWhenItsFirstProviderDrops(@TempDir Path dir) throws Exception {
        SpeechFixtures.requireEspeak();
        try (FakeOpenAi openai = FakeOpenAi.start().requireKey(CANARY);
             FakeDeepgram deepgram = FakeDeepgram.start().requireKey(CANARY).dropAfter(16_000, 1011)
                     .transcriber(samples -> "heard by the dropped provider");
             RtcClient rtc = RtcClient.create()) {
            Path modes = AgentModes.write(dir, openai, "carry");
            AgentModes.sessionStt(modes, "[\"dropping\", \"fake-stt\"]", """

                    [specialists.media.providers.dropping]
                    kind = "stt"
                    type = "deepgram"
                    base-url = "%s"
                    api-key = "${DEEPGRAM_API_KEY}"
                    """.formatted(deepgram.baseUrl()));
            openai.audio().transcriber(u -> ASKED);
            try (Switchboard sb = Embedded.switchboard(LIVEKIT.server(), dir, modes,
                    Map.of("OPENAI_API_KEY", CANARY, "DEEPGRAM_API_KEY", CANARY))) {
                User user = User.join(LIVEKIT.server(), rtc, "chain");
                long before = System.nanoTime();
                ObjectNode started = ok(sb, "media.agent.start", Json.object().put("room", "chain")
                        .put("agent", "concierge").put("listen_to", "user-chain"));
                assertThat(started.path("providers").asText())
                        .isEqualTo("stt=dropping>fake-stt llm=(the agent's) tts=fake-tts");
                user.isGreetedThenAnswered(before);
                ObjectNode stopped = ok(sb, "media.agent.stop", Json.object()
                        .put("session_id", started.path("session_id").asText()));
                JsonNode report = stopped.path("report");
                System.out.println("session STT chain failovers: " + report.path("failovers"));
                assertThat(deepgram.connections()).as("the chain's first STT was used first").isPositive();
                assertThat(report.path("transcript").toString()).contains(ASKED, "You said: " + ASKED)
                        .doesNotContain("heard by the dropped provider");
                assertThat(report.path("failovers")).filteredOn(f -> f.path("kind").asText().equals("stt"))
                        .first().satisfies(f -> {
                            assertThat(f.path("from").asText()).isEqualTo("dropping");
                            assertThat(f.path("to").asText()).isEqualTo("fake-stt");
                        });
                assertThat(started.toString() + stopped).doesNotContain(CANARY);
                user.room().close();
            }
        }
    }

    @Test
    void workerModeJobRunsTheConfiguredTomlAgent(@TempDir Path dir) throws Exception {
        SpeechFixtures.requireEspeak();
        List<SwitchboardEvent> events = new CopyOnWriteArrayList<>();
        try (FakeOpenAi openai = FakeOpenAi.start().requireKey(CANARY);
             Switchboard sb = Embedded.switchboard(LIVEKIT.server(), dir, AgentModes.write(dir, openai, "carry"),
                     Map.of("OPENAI_API_KEY", CANARY));
             RtcClient rtc = RtcClient.create()) {
            sb.listen(events::add);
            openai.audio().transcriber(u -> ASKED);
            ObjectNode worker = ok(sb, "media.worker.start", Json.object().put("agent-name", "shop-agent"));
            assertThat(worker.path("agent").asText()).as("[specialists.media.worker] agent").isEqualTo("concierge");
            User user = User.join(LIVEKIT.server(), rtc, "shop-job");
            long before = System.nanoTime();
            ObjectNode dispatch = ok(sb, "agent.dispatch", Json.object().put("room", "shop-job")
                    .put("agent-name", "shop-agent"));
            user.isGreetedThenAnswered(before);
            ok(sb, "agent.dispatch-delete", Json.object().put("room", "shop-job")
                    .put("dispatch-id", dispatch.path("id").asText()));
            SwitchboardEvent ended = Embedded.await(events, e -> e.type().equals("media.job.ended"))
                    .orElseThrow(() -> new AssertionError("no media.job.ended; events " + events));
            assertThat(ended.data().path("agent").asText()).isEqualTo("concierge");
            assertThat(ended.data().path("report").path("transcript").toString())
                    .contains(ASKED, "You said: " + ASKED);
            assertThat(events.toString()).doesNotContain(CANARY);
            user.room().close();
            ok(sb, "media.worker.stop", Json.object().put("drain-timeout", "5s"));
        }
    }

    @Test
    void badAgentTomlAndUnknownNamesGetPreciseErrors(@TempDir Path dir) throws Exception {
        try (FakeOpenAi openai = FakeOpenAi.start();
             Switchboard sb = Embedded.switchboard(LIVEKIT.server(), dir, AgentModes.write(dir, openai, "forget"),
                     Map.of("OPENAI_API_KEY", CANARY))) {
            OperationResult bad = run(sb, "media.agent.start", Json.object().put("room", "r")
                    .put("agent", "concierge"));
            assertThat(bad).isInstanceOfSatisfying(OperationResult.Failure.class, f -> {
                assertThat(f.code()).isEqualTo("config_invalid");
                assertThat(f.message()).contains(dir.resolve("agents/shop.toml")
                        + ":6:agents.concierge.chat-context: must be \"carry\" or \"reset\", was \"forget\"");
            });
            OperationResult worker = run(sb, "media.worker.start", Json.object());
            assertThat(worker).isInstanceOfSatisfying(OperationResult.Failure.class,
                    f -> assertThat(f.message()).contains("shop.toml:6:agents.concierge.chat-context"));

            AgentModes.write(dir, openai, "reset");
            OperationResult unknown = run(sb, "media.agent.start", Json.object().put("room", "r").put("agent", "nope"));
            assertThat(unknown).isInstanceOfSatisfying(OperationResult.Failure.class, f -> {
                assertThat(f.code()).isEqualTo("not_found");
                assertThat(f.message()).isEqualTo("no agent named 'nope' (known: echo, assistant, concierge)");
            });
            OperationResult workerUnknown = run(sb, "media.worker.start", Json.object().put("agent", "nope"));
            assertThat(workerUnknown).isInstanceOfSatisfying(OperationResult.Failure.class,
                    f -> assertThat(f.code()).isEqualTo("not_found"));
            assertThat(ok(sb, "media.worker.status", Json.object()).path("running").asBoolean()).isFalse();
            assertThat(bad.toString() + worker + unknown).doesNotContain(CANARY);
        }
    }

    @Test
    void builtInAssistantRunsOnTheProvidersTheEnvironmentNames(@TempDir Path dir) throws Exception {
        SpeechFixtures.requireEspeak();
        try (FakeOpenAi openai = FakeOpenAi.start().requireKey(CANARY);
             Switchboard sb = Embedded.switchboard(LIVEKIT.server(), dir, Files.createDirectories(dir.resolve("m")),
                     Map.of("OPENAI_API_KEY", CANARY, "OPENAI_BASE_URL", openai.baseUrl()));
             RtcClient rtc = RtcClient.create()) {
            openai.audio().transcriber(u -> ASKED);
            User user = User.join(LIVEKIT.server(), rtc, "assist");
            long before = System.nanoTime();
            ObjectNode started = ok(sb, "media.agent.start", Json.object().put("room", "assist")
                    .put("agent", "assistant"));
            assertThat(started.path("providers").asText()).isEqualTo("stt=openai llm=openai tts=espeak");
            user.isGreetedThenAnswered(before);
            ObjectNode stopped = ok(sb, "media.agent.stop", Json.object()
                    .put("session_id", started.path("session_id").asText()));
            assertThat(stopped.path("report").path("transcript").toString()).contains(ASKED, "You said: " + ASKED);
            assertThat(openai.chatRequests().getFirst().json().path("model").asText()).isEqualTo("gpt-4o-mini");
            assertThat(started.toString() + stopped).doesNotContain(CANARY);
            user.room().close();
        }
    }

    @Test
    void assistantWithoutKeysSaysWhichKeyIsMissing(@TempDir Path dir) {
        try (Switchboard sb = Embedded.switchboard(LIVEKIT.server(), dir)) {
            OperationResult r = run(sb, "media.agent.start", Json.object().put("room", "r").put("agent", "assistant"));
            assertThat(r).isInstanceOfSatisfying(OperationResult.Failure.class, f -> {
                assertThat(f.code()).isEqualTo("unavailable");
                assertThat(f.message()).startsWith("agent 'assistant' needs a speech-to-text provider")
                        .contains("OPENAI_API_KEY", "DEEPGRAM_API_KEY");
            });
        }
    }
}
