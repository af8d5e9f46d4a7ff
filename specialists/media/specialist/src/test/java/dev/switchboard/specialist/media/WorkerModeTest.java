package dev.switchboard.specialist.media;

import static dev.switchboard.specialist.media.Embedded.await;
import static dev.switchboard.specialist.media.Embedded.ok;
import static dev.switchboard.specialist.media.Embedded.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcClient;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.SwitchboardEvent;
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
 * Worker mode end to end through the embedded coordinator: media.worker.start registers a worker,
 * the room specialist's agent.dispatch makes LiveKit hand it a job, the job's participant joins the
 * room (a real participant sees it) and runs the default echo agent, the host hears
 * media.job.started and media.job.ended with the session report, and deleting the dispatch ends the
 * job. Real livekit-server in a network namespace.
 */
class WorkerModeTest {

    @RegisterExtension
    static final LiveKitServerExtension LIVEKIT = LiveKitServerExtension.namespace();

    @Test
    void agentDispatchThroughTheCoordinatorReachesTheSpecialistsWorker(@TempDir Path dir) throws Exception {
        var server = LIVEKIT.server();
        List<SwitchboardEvent> events = new CopyOnWriteArrayList<>();
        try (Switchboard sb = Embedded.switchboard(server, dir);
             RtcClient rtc = RtcClient.create()) {
            sb.listen(events::add);
            assertThat(ok(sb, "media.worker.status", Json.object()).path("running").asBoolean()).isFalse();
            var started = ok(sb, "media.worker.start", Json.object().put("agent-name", "sb-agent").put("max-jobs", 4));
            assertThat(started.path("state").asText()).isEqualTo("registered");
            assertThat(started.path("worker-id").asText()).startsWith("AW_");
            OperationResult again = run(sb, "media.worker.start", Json.object());
            assertThat(again).isInstanceOfSatisfying(OperationResult.Failure.class,
                    f -> assertThat(f.code()).isEqualTo(FailureCode.CONFLICT));

            var dispatch = ok(sb, "agent.dispatch", Json.object().put("room", "worker-room")
                    .put("agent-name", "sb-agent").put("metadata", "{\"greet\":true}"));
            SwitchboardEvent jobStarted = await(events, e -> e.type().equals("media.job.started"))
                    .orElseThrow(() -> new AssertionError("no media.job.started; events " + events));
            assertThat(jobStarted.data().path("room").asText()).isEqualTo("worker-room");
            assertThat(jobStarted.data().path("metadata").asText()).isEqualTo("{\"greet\":true}");
            assertThat(jobStarted.data().path("worker-id").asText()).isEqualTo(started.path("worker-id").asText());
            String identity = jobStarted.data().path("identity").asText();

            try (RoomSession user = Embedded.join(server, rtc, "visitor", "worker-room")) {
                assertThat(Conditions.waitUntil(Duration.ofSeconds(15), () -> user.remoteParticipants().stream()
                        .anyMatch(p -> p.identity().equals(identity)))).as("the job's participant is in the room")
                        .isTrue();
                var status = ok(sb, "media.worker.status", Json.object());
                assertThat(status.path("agent").asText()).isEqualTo("echo");
                assertThat(status.path("jobs")).hasSize(1);
                assertThat(status.path("jobs").get(0).path("room").asText()).isEqualTo("worker-room");
            }

            ok(sb, "agent.dispatch-delete", Json.object().put("room", "worker-room")
                    .put("dispatch-id", dispatch.path("id").asText()));
            SwitchboardEvent ended = await(events, e -> e.type().equals("media.job.ended"))
                    .orElseThrow(() -> new AssertionError("deleting the dispatch did not end the job"));
            System.out.println("job ended: " + ended.data().path("reason").asText());
            assertThat(ended.data().path("agent").asText()).isEqualTo("echo");
            assertThat(ended.data().path("report").path("room").asText()).as("the job's session report")
                    .isEqualTo("worker-room");
            assertThat(ended.data().path("report").path("states").toString()).contains("closed");
            assertThat(Conditions.waitUntil(Duration.ofSeconds(10),
                    () -> ok(sb, "media.worker.status", Json.object()).path("jobs").isEmpty())).isTrue();

            var stopped = ok(sb, "media.worker.stop", Json.object().put("drain-timeout", "5s"));
            assertThat(stopped.path("was-running").asBoolean()).isTrue();
            assertThat(stopped.path("drained").asBoolean()).isTrue();
            assertThat(stopped.path("succeeded").asLong()).isEqualTo(1);
            assertThat(ok(sb, "media.worker.status", Json.object()).path("running").asBoolean()).isFalse();
        }
    }

    @Test
    void badWorkerSettingsAreRefusedWithTheirPath(@TempDir Path dir) {
        try (Switchboard sb = Embedded.switchboard(LIVEKIT.server(), dir)) {
            OperationResult r = run(sb, "media.worker.start", Json.object().put("max-jobs", 0));
            assertThat(r).isInstanceOfSatisfying(OperationResult.Failure.class, f -> {
                assertThat(f.code()).isEqualTo(FailureCode.INVALID_REQUEST);
                assertThat(f.violations()).anySatisfy(v -> assertThat(v.path()).contains("max-jobs"));
            });
            OperationResult d = run(sb, "media.worker.start", Json.object().put("drain-timeout", "soon"));
            assertThat(d).isInstanceOfSatisfying(OperationResult.Failure.class,
                    f -> assertThat(f.violations()).anySatisfy(v -> assertThat(v.path()).contains("drain-timeout")));
            assertThat(ok(sb, "media.worker.status", Json.object()).path("running").asBoolean()).isFalse();
        }
    }
}
