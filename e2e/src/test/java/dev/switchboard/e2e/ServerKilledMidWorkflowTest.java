package dev.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.coordinator.internal.Coordinator;
import dev.switchboard.coordinator.workflow.WorkflowResult;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import dev.switchboard.testkit.livekit.LiveKitServer;
import io.livekit.server.RoomServiceClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LiveKit server dies in the middle of a workflow: the step after the kill fails, the room's
 * compensation cannot reach the server, is retried and parked as a dead letter; once the server is
 * back, retrying the dead letter settles it and nothing is left behind.
 */
class ServerKilledMidWorkflowTest {

    private static final String MODES = """
            [router]
            root = "families"
            [router.nodes.families]
            when = [
              { operation = "chaos.*", specialist = "chaos" },
              { operation = ["room.*", "agent.dispatch", "agent.dispatch-*"], specialist = "room" },
              { operation = "token.*", specialist = "auth" },
            ]

            [workflows.fragile]
            [workflows.fragile.inputs]
            room = "string"
            [[workflows.fragile.steps]]
            id = "create-room"
            operation = "room.create"
            params = { name = "${inputs.room}" }
            [[workflows.fragile.steps]]
            id = "kill-livekit"
            operation = "chaos.kill-livekit"
            [[workflows.fragile.steps]]
            id = "dispatch"
            operation = "agent.dispatch"
            params = { room = "${steps.create-room.output.name}", agent-name = "helper" }
            """;

    @TempDir
    Path dir;

    /** Kills the server it is given; a test-only specialist, registered in Java. */
    static final class Chaos implements Specialist {
        private final LiveKitServer livekit;

        Chaos(LiveKitServer livekit) {
            this.livekit = livekit;
        }

        @Override
        public String name() {
            return "chaos";
        }

        @Override
        public List<OperationDescriptor> operations() {
            return List.of(OperationDescriptor.builder("chaos.kill-livekit").description("SIGKILLs livekit-server")
                    .build());
        }

        @Override
        public OperationResult execute(SpecialistContext context, OperationRequest request) {
            livekit.kill();
            return OperationResult.success(Json.object().put("killed", true));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void compensationThatCannotReachLiveKitIsParkedAndSettledAfterTheServerReturns() throws IOException {
        try (LiveKitServer livekit = LiveKitServer.startLoopback()) {
            Path modes = Files.createDirectories(dir.resolve("modes"));
            Files.writeString(modes.resolve("fragile.toml"), MODES);
            try (Switchboard sb = Switchboard.builder().plugins(Path.of("target", "plugins")).modes(modes)
                    .journal(dir.resolve("journal.log")).watchModes(false).specialist(new Chaos(livekit))
                    .environment(Map.of("LIVEKIT_URL", livekit.httpUrl().toString(),
                            "LIVEKIT_API_KEY", livekit.apiKey(), "LIVEKIT_API_SECRET", livekit.apiSecret().reveal()))
                    .build()) {
                WorkflowResult r = sb.run("fragile", Json.object().put("room", "doomed"), Caller.of("e2e"));

                assertThat(r).isInstanceOfSatisfying(WorkflowResult.RolledBack.class, rb -> {
                    assertThat(rb.failedStep()).isEqualTo("dispatch");
                    assertThat(rb.failure().code()).isEqualTo("unavailable");
                    assertThat(rb.failure().message()).containsAnyOf("closed the connection", "unreachable");
                    assertThat(rb.deadLettered()).containsExactly("create-room");
                });
                Coordinator coordinator = (Coordinator) sb;
                var letters = coordinator.journal().deadLetters();
                assertThat(letters).hasSize(1);

                livekit.restart();
                // The specialist's circuit breaker opened while the server was down (it pauses calls for
                // 10 s), so an operator's first retries may be refused; retry as an operator would.
                boolean settled = false;
                for (int attempt = 0; attempt < 30 && !settled; attempt++) {
                    settled = coordinator.retryDeadLetter(letters.get(0).id());
                    if (!settled) {
                        sleep(1_000);
                    }
                }
                assertThat(settled).as("the dead letter settles once LiveKit is back").isTrue();
                assertThat(coordinator.journal().deadLetters()).isEmpty();
                var rooms = RoomServiceClient.createClient(livekit.httpUrl().toString(), livekit.apiKey(),
                        livekit.apiSecret().reveal());
                assertThat(rooms.listRooms().execute().body()).extracting(room -> room.getName())
                        .doesNotContain("doomed");
            }
        }
    }
}
