package dev.switchboard.specialist.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.media.rtc.AudioFrame;
import dev.switchboard.media.rtc.Participant;
import dev.switchboard.media.rtc.RoomListener;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcClient;
import dev.switchboard.media.rtc.TextStream;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.testkit.Conditions;
import dev.switchboard.testkit.livekit.LiveKitServerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** What one user in a room received on {@code lk.transcription} from the agent. */
    private static final class Transcripts implements RoomListener {
        final List<TextStream> agent = new CopyOnWriteArrayList<>();

        @Override
        public void onTextStream(TextStream stream) {
            if (stream.topic().equals("lk.transcription")
                    && stream.attributes().getOrDefault("lk.segment_id", "").startsWith("SG_agent_")) {
                agent.add(stream);
            }
        }

        List<String> texts(String segment, boolean isFinal) {
            return agent.stream().filter(t -> t.attributes().get("lk.segment_id").equals(segment)
                    && t.attributes().get("lk.transcription_final").equals(Boolean.toString(isFinal)))
                    .map(TextStream::text).toList();
        }

        Optional<String> finalSegment(String text) {
            return agent.stream().filter(t -> t.text().equals(text)
                    && "true".equals(t.attributes().get("lk.transcription_final")))
                    .map(t -> t.attributes().get("lk.segment_id")).findFirst();
        }
    }

    @Test
    void typedChatAndSynchronizedTranscriptsFollowTheStartOptions(@TempDir Path dir) throws Exception {
        var server = LIVEKIT.server();
        Transcripts on = new Transcripts();
        Transcripts off = new Transcripts();
        String greeting = "Hello, I am the echo agent, and I repeat what you say to me.";
        try (Switchboard sb = Embedded.switchboard(server, dir);
             RtcClient rtc = RtcClient.create();
             RoomSession userOn = Embedded.join(server, rtc, "user", "options-on");
             RoomSession userOff = Embedded.join(server, rtc, "user", "options-off")) {
            userOn.addListener(on);
            userOff.addListener(off);
            String idOn = Embedded.ok(sb, "media.agent.start", Json.object().put("room", "options-on")
                    .put("greeting", greeting)).path("session_id").asText();
            String idOff = Embedded.ok(sb, "media.agent.start", Json.object().put("room", "options-off")
                    .put("greeting", greeting).put("text_input", false).put("sync_transcription", false))
                    .path("session_id").asText();
            assertThat(Conditions.waitUntil(Duration.ofSeconds(20), () -> on.finalSegment(greeting).isPresent()
                    && off.finalSegment(greeting).isPresent())).as("both greetings were said").isTrue();
            List<String> revealed = on.texts(on.finalSegment(greeting).orElseThrow(), false);
            assertThat(revealed).as("synchronized: the greeting in steps").hasSizeGreaterThan(1);
            assertThat(revealed.getFirst().length()).isLessThan(greeting.length());
            assertThat(off.texts(off.finalSegment(greeting).orElseThrow(), false)).as("not synchronized")
                    .containsExactly(greeting);

            userOff.sendText("lk.chat", "please say banana", Map.of(), List.of());
            userOn.sendText("lk.chat", "please say banana", Map.of(), List.of());
            assertThat(Conditions.waitUntil(Duration.ofSeconds(20), () -> on.finalSegment("please say banana")
                    .isPresent())).as("the echo agent says typed text").isTrue();
            Thread.sleep(1_000);
            ObjectNode reportOff = Embedded.ok(sb, "media.agent.stop", Json.object().put("session_id", idOff));
            ObjectNode reportOn = Embedded.ok(sb, "media.agent.stop", Json.object().put("session_id", idOn));
            assertThat(reportOn.path("report").path("transcript").toString()).contains("please say banana");
            assertThat(reportOff.path("report").path("transcript").toString()).as("text_input false")
                    .doesNotContain("banana");
            assertThat(off.finalSegment("please say banana")).isEmpty();
            OperationResult bad = Embedded.run(sb, "media.agent.start", Json.object().put("room", "r")
                    .put("text_input", "yes"));
            assertThat(bad).as("a precise error").isInstanceOfSatisfying(OperationResult.Failure.class,
                    f -> assertThat(f.violations().toString()).contains("text_input"));
        }
    }
}
