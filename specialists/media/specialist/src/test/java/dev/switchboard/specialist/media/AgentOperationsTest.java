package dev.switchboard.specialist.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.media.rtc.AudioFrame;
import dev.switchboard.media.rtc.Participant;
import dev.switchboard.media.rtc.RoomListener;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcClient;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.testkit.Conditions;
import dev.switchboard.testkit.livekit.LiveKitServerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code media.agent.*}, {@code media.say} and {@code media.interrupt} through the embedded coordinator
 * and a real room: the echo agent joins, greets with espeak-ng (heard by a Java participant), is
 * listed with its state, says a text on request, and stops with its report.
 */
class AgentOperationsTest {

    @RegisterExtension
    static final LiveKitServerExtension LIVEKIT = LiveKitServerExtension.namespace();

    @Test
    void echoAgentStartsSpeaksIsListedAndStops(@TempDir Path dir) throws Exception {
        var server = LIVEKIT.server();
        List<Double> levels = new CopyOnWriteArrayList<>();
        List<String> states = new CopyOnWriteArrayList<>();
        try (Switchboard sb = Embedded.switchboard(server, dir);
             RtcClient rtc = RtcClient.create();
             RoomSession user = Embedded.join(server, rtc, "user", "agent-room")) {
            user.addListener(new RoomListener() {
                @Override
                public void onAudioFrame(AudioFrame frame) {
                    levels.add(Embedded.rms(frame.samples()));
                }

                @Override
                public void onParticipantUpdated(Participant participant) {
                    String s = participant.attributes().get("lk.agent.state");
                    if (s != null) {
                        states.add(s);
                    }
                }
            });
            ObjectNode started = Embedded.ok(sb, "media.agent.start", Json.object().put("room", "agent-room"));
            String id = started.path("session_id").asText();
            assertThat(id).startsWith("AS_");
            assertThat(started.path("agent").asText()).isEqualTo("echo");
            assertThat(Conditions.waitUntil(Duration.ofSeconds(15), () -> levels.stream().anyMatch(l -> l > 500)))
                    .as("the espeak-ng greeting is heard").isTrue();
            ObjectNode list = Embedded.ok(sb, "media.agent.list", Json.object());
            assertThat(list.path("sessions").get(0).path("session_id").asText()).isEqualTo(id);
            assertThat(Embedded.ok(sb, "media.say", Json.object().put("session_id", id).put("text", "One more."))
                    .path("queued").asBoolean()).isTrue();
            assertThat(Embedded.ok(sb, "media.interrupt", Json.object().put("session_id", id))
                    .path("interrupted").asBoolean()).isTrue();
            OperationResult unknown = Embedded.run(sb, "media.say", Json.object().put("session_id", "AS_nope")
                    .put("text", "x"));
            assertThat(unknown).isInstanceOf(OperationResult.Failure.class);
            ObjectNode stopped = Embedded.ok(sb, "media.agent.stop", Json.object().put("session_id", id));
            assertThat(stopped.path("stopped").asBoolean()).isTrue();
            assertThat(stopped.path("report").path("transcript").toString()).as("media.interrupt cut the agent off")
                    .contains("\"interrupted\":true");
            assertThat(stopped.path("report").path("states").toString()).contains("closed");
            assertThat(states).contains("speaking");
            assertThat(Embedded.ok(sb, "media.agent.list", Json.object()).path("sessions")).isEmpty();
        }
    }
}
