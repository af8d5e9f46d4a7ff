package dev.switchboard.media.voice.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcRooms;
import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.media.voice.provider.Providers;
import dev.switchboard.media.voice.provider.TestProviders;
import dev.switchboard.spi.TimeSource;
import dev.switchboard.testkit.fakes.FakeElevenLabs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every TTS of a chain fails before any audio, in a real room over ElevenLabs' wire protocol: both fakes
 * stay silent past the idle timeout. The reply is silent (nothing is left to speak a fallback line) and
 * the loss is in the report's {@code providerFailures} (kind {@code tts}, naming each provider's failure,
 * no key) and the {@code voice.provider.exhausted} counter.
 */
class TtsExhaustedTest {

    @RegisterExtension
    static final RtcRooms ROOMS = RtcRooms.namespace();

    @Test
    void aReplyWhoseEveryTtsFailsIsRecordedAsTtsExhaustion() throws Exception {
        try (FakeElevenLabs primary = FakeElevenLabs.start().silent();
             FakeElevenLabs backup = FakeElevenLabs.start().silent()) {
            Providers providers = Providers.builtIn(TestProviders.secrets(), TimeSource.system());
            String common = "\"type\":\"elevenlabs\",\"idle_timeout_ms\":400,\"api_key\":\"${TEST_KEY}\"";
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            SessionOptions options = SessionOptions.builder(new EnergyVad(400))
                    .stt(new ScriptedStt(30, "how is the weather"))
                    .llm(new ScriptedLlm("llm", 10, r -> List.of(new ScriptedLlm.Text("It is sunny."))))
                    .tts(providers.tts("agents.tts", TestProviders.json("[{\"name\":\"primary\",\"base_url\":\""
                            + primary.baseUrl() + "\"," + common + "},{\"name\":\"backup\",\"base_url\":\""
                            + backup.baseUrl() + "\"," + common + "}]")))
                    .meters(meters).build();
            try (RoomSession agentRoom = ROOMS.agent("agent", "tts-out");
                 TestUser user = TestUser.join(ROOMS, "tts-out");
                 AgentSession session = AgentSession.start(agentRoom, Agent.builder("a").build(), options)) {
                Thread.sleep(500);
                user.say(Utterances.speak("How is the weather?"));
                user.waitSpoken();
                TestUser.waitFor(() -> !session.report().providerFailures().isEmpty(), 15_000);
                assertThat(session.report().providerFailures()).singleElement().satisfies(f -> {
                    System.out.println("tts exhausted: " + f);
                    assertThat(f.kind()).isEqualTo("tts");
                    assertThat(f.chain()).isEqualTo("primary>backup");
                    assertThat(f.reason()).contains("every provider failed", "primary: ", "backup: ",
                            "no audio for 400 ms");
                });
                assertThat(primary.requests()).hasSize(1);
                assertThat(backup.requests()).as("the backup was tried too").hasSize(1);
                assertThat(meters.counter("voice.provider.exhausted", "kind", "tts").count()).isEqualTo(1);
                assertThat(meters.counter("voice.fallback_line", "kind", "tts").count())
                        .as("no TTS is left to say a fallback line").isZero();
                assertThat(session.report().toJson()).doesNotContain(TestProviders.CANARY_KEY);
            }
        }
    }
}
