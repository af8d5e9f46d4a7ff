package dev.switchboard.specialist.egress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.testkit.TestSpecialistContext;
import dev.switchboard.testkit.livekit.LiveKitServer;
import dev.switchboard.testkit.livekit.LiveKitTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real server without an egress worker: starts are refused, and the refusal is passed on precisely. */
@LiveKitTest
class EgressSpecialistTest {

    private final LiveKitServer livekit;
    private EgressSpecialist egress;
    private TestSpecialistContext ctx;

    EgressSpecialistTest(LiveKitServer livekit) {
        this.livekit = livekit;
    }

    @BeforeEach
    void start() {
        ctx = TestSpecialistContext.builder("egress")
                .config("{\"livekit\":{\"url\":\"" + livekit.httpUrl() + "\",\"api-key\":\""
                        + livekit.apiKey() + "\",\"api-secret\":\"${S}\",\"timeout-ms\":5000}}")
                .secret("${S}", livekit.apiSecret().reveal())
                .build();
        egress = new EgressSpecialist();
        egress.start(ctx);
    }

    @AfterEach
    void stop() {
        egress.stop();
    }

    private OperationResult run(String op, ObjectNode params) {
        return egress.execute(ctx, OperationRequest.builder(op).params(params).build());
    }

    private static ObjectNode roomComposite(String room) {
        ObjectNode params = Json.object().put("room", room);
        params.putObject("outputs").putObject("file").put("path", "out/{room_name}.mp4");
        return params;
    }

    @Test
    void startWithoutAnEgressWorkerSaysNoWorkerIsConnected() throws Exception {
        io.livekit.server.RoomServiceClient.createClient(livekit.httpUrl().toString(), livekit.apiKey(),
                livekit.apiSecret().reveal()).createRoom("rec-room").execute();
        OperationResult r = run("egress.start-room-composite", roomComposite("rec-room"));
        assertThat(r).isInstanceOfSatisfying(OperationResult.Failure.class, f -> {
            assertThat(f.code()).isEqualTo(FailureCode.UNAVAILABLE);
            assertThat(f.retryable()).isFalse();
            assertThat(f.message()).contains("StartRoomCompositeEgress").contains(livekit.httpUrl().toString())
                    .contains("no egress worker is connected").doesNotContain(livekit.apiSecret().reveal());
        });
    }

    @Test
    void listWithoutAWorkerSaysNoWorkerIsConnected() {
        OperationResult r = run("egress.list", Json.object().put("room", "rec-room"));
        assertThat(r).isInstanceOfSatisfying(OperationResult.Failure.class, f -> {
            assertThat(f.code()).isEqualTo(FailureCode.UNAVAILABLE);
            assertThat(f.message()).contains("ListEgress").contains("no egress worker is connected");
        });
    }

    @Test
    void missingOutputsAreRejectedWithTheirJsonPath() {
        OperationResult r = run("egress.start-participant", Json.object().put("room", "r").put("identity", "a"));
        assertThat(r).isInstanceOfSatisfying(OperationResult.Failure.class, f -> {
            assertThat(f.code()).isEqualTo(FailureCode.INVALID_REQUEST);
            assertThat(f.violations()).singleElement().satisfies(v -> assertThat(v.path()).isEqualTo("$.outputs"));
        });
    }

    @Test
    void trackEgressNeedsAFileOrAWebSocket() {
        OperationResult r = run("egress.start-track", Json.object().put("room", "r").put("track-sid", "TR_x"));
        assertThat(r).isInstanceOfSatisfying(OperationResult.Failure.class,
                f -> assertThat(f.violations()).singleElement()
                        .satisfies(v -> assertThat(v.path()).isEqualTo("$.file-path")));
    }
}
