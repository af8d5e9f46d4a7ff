package dev.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.coordinator.workflow.WorkflowResult;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.testkit.livekit.LiveKitServer;
import dev.switchboard.testkit.livekit.LiveKitTest;
import io.livekit.server.RoomServiceClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code session.start} and {@code session.end} workflows, run by a coordinator that
 * loads the real specialist plugin JARs from a plugins folder, against a real livekit-server. A
 * failure injected at each step must leave no room behind.
 */
@LiveKitTest
class SessionWorkflowTest {

    private final LiveKitServer livekit;
    private Switchboard switchboard;
    private RoomServiceClient rooms;

    SessionWorkflowTest(LiveKitServer livekit) {
        this.livekit = livekit;
    }

    @BeforeEach
    void start(@TempDir Path dir) {
        switchboard = Coordinators.withPlugins(livekit, dir);
        rooms = RoomServiceClient.createClient(livekit.httpUrl().toString(), livekit.apiKey(),
                livekit.apiSecret().reveal());
    }

    @AfterEach
    void stop() {
        switchboard.close();
    }

    private List<String> roomNames() throws IOException {
        return rooms.listRooms().execute().body().stream().map(r -> r.getName()).toList();
    }

    private static String fresh() {
        return "s-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private WorkflowResult start(ObjectNode inputs) {
        return switchboard.run("session.start", inputs, Caller.of("e2e", "ops"));
    }

    @Test
    void startMintsWorkingTokensAndEndDeletesTheRoom() throws IOException {
        String room = fresh();
        WorkflowResult started = start(Json.object().put("room", room).put("user", "alice")
                .put("dispatch-agent", true));
        assertThat(started).isInstanceOf(WorkflowResult.Completed.class);
        ObjectNode out = ((WorkflowResult.Completed) started).outputs();
        assertThat(out.path("create-room").path("name").asText()).isEqualTo(room);
        assertThat(roomNames()).contains(room);
        String userToken = out.path("user-token").path("token").asText();
        OperationResult verified = switchboard.execute(OperationRequest.builder("token.verify")
                .params(Json.object().put("token", userToken).put("room", room).put("identity", "alice")).build());
        assertThat(verified.isSuccess()).as("user token verifies: %s", verified).isTrue();
        assertThat(out.path("dispatch").path("agentName").asText()).isEqualTo("switchboard-agent");

        WorkflowResult ended = switchboard.run("session.end", Json.object().put("room", room), Caller.of("e2e"));
        assertThat(ended).isInstanceOf(WorkflowResult.Completed.class);
        assertThat(roomNames()).doesNotContain(room);
    }

    @Test
    void failureAtTheFirstStepLeavesNothing() throws IOException {
        String tooLong = "r".repeat(300);
        WorkflowResult r = start(Json.object().put("room", tooLong).put("user", "alice"));
        assertThat(r).isInstanceOfSatisfying(WorkflowResult.RolledBack.class, rb -> {
            assertThat(rb.failedStep()).isEqualTo("create-room");
            assertThat(rb.compensated()).isEmpty();
        });
        assertThat(roomNames()).doesNotContain(tooLong);
    }

    @Test
    void failureWhileMintingTheUserTokenDeletesTheRoom() throws IOException {
        String room = fresh();
        WorkflowResult r = start(Json.object().put("room", room).put("user", "alice").put("user-preset", "nope"));
        assertThat(r).isInstanceOfSatisfying(WorkflowResult.RolledBack.class, rb -> {
            assertThat(rb.failedStep()).isEqualTo("user-token");
            assertThat(rb.compensated()).containsExactly("create-room");
        });
        assertThat(roomNames()).doesNotContain(room);
    }

    @Test
    void failureWhileMintingTheAgentTokenDeletesTheRoom() throws IOException {
        String room = fresh();
        WorkflowResult r = start(Json.object().put("room", room).put("user", "alice").put("agent", "a".repeat(300)));
        assertThat(r).isInstanceOfSatisfying(WorkflowResult.RolledBack.class,
                rb -> assertThat(rb.failedStep()).isEqualTo("agent-token"));
        assertThat(roomNames()).doesNotContain(room);
    }

    @Test
    void recordingWithoutAnEgressWorkerRollsTheSessionBack() throws IOException {
        String room = fresh();
        WorkflowResult r = start(Json.object().put("room", room).put("user", "alice").put("record", true));
        assertThat(r).isInstanceOfSatisfying(WorkflowResult.RolledBack.class, rb -> {
            assertThat(rb.failedStep()).isEqualTo("recording");
            assertThat(rb.failure().message()).contains("no egress worker is connected");
            assertThat(rb.compensated()).contains("create-room");
        });
        assertThat(roomNames()).doesNotContain(room);
    }

    @Test
    void anExistingRoomIsAdoptedAndNotDeletedOnRollback() throws IOException {
        String room = fresh();
        rooms.createRoom(room).execute();
        WorkflowResult r = start(Json.object().put("room", room).put("user", "alice").put("user-preset", "nope"));
        assertThat(r).isInstanceOf(WorkflowResult.RolledBack.class);
        assertThat(roomNames()).as("a room the workflow did not create survives its rollback").contains(room);
    }

    /** Builds coordinators over the plugin JARs that Maven copied to target/plugins. */
    static final class Coordinators {
        private Coordinators() {
        }

        static Switchboard withPlugins(LiveKitServer livekit, Path dir) {
            Path plugins = Path.of("target", "plugins");
            try (var jars = Files.list(plugins)) {
                assertThat(jars.filter(p -> p.toString().endsWith(".jar")).count())
                        .as("plugin JARs in %s", plugins.toAbsolutePath()).isGreaterThanOrEqualTo(3);
            } catch (IOException e) {
                throw new IllegalStateException("no plugins folder at " + plugins.toAbsolutePath(), e);
            }
            return Switchboard.builder().plugins(plugins).journal(dir.resolve("journal.log")).watchModes(false)
                    .environment(Map.of("LIVEKIT_URL", livekit.httpUrl().toString(),
                            "LIVEKIT_API_KEY", livekit.apiKey(), "LIVEKIT_API_SECRET", livekit.apiSecret().reveal()))
                    .build();
        }
    }
}
