package dev.switchboard.specialist.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.GateCheck;
import dev.switchboard.spi.GateSettings;
import dev.switchboard.spi.GateVerdict;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.TimeSource;
import dev.switchboard.testkit.TestSpecialistContext;
import dev.switchboard.testkit.livekit.LiveKitServer;
import dev.switchboard.testkit.livekit.LiveKitTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@LiveKitTest
class DataSpecialistTest {

    private final LiveKitServer livekit;
    private DataSpecialist data;
    private TestSpecialistContext ctx;

    DataSpecialistTest(LiveKitServer livekit) {
        this.livekit = livekit;
    }

    @BeforeEach
    void start() {
        ctx = TestSpecialistContext.builder("data")
                .config("{\"max-lossy-bytes\":100,\"livekit\":{\"url\":\"" + livekit.httpUrl() + "\",\"api-key\":\""
                        + livekit.apiKey() + "\",\"api-secret\":\"${S}\"}}")
                .secret("${S}", livekit.apiSecret().reveal())
                .build();
        data = new DataSpecialist();
        data.start(ctx);
    }

    @AfterEach
    void stop() {
        data.stop();
    }

    private OperationResult send(com.fasterxml.jackson.databind.node.ObjectNode params) {
        return data.execute(ctx, OperationRequest.builder("data.send").params(params).build());
    }

    @Test
    void sendsReliableAndLossyPacketsToARealRoom() {
        RoomFixture.create(livekit, "data-room");
        var reliable = send(Json.object().put("room", "data-room").put("data", "hello").put("topic", "chat"));
        assertThat(reliable).isInstanceOfSatisfying(OperationResult.Success.class,
                s -> assertThat(s.payload().path("bytes").asInt()).isEqualTo(5));
        var lossy = send(Json.object().put("room", "data-room").put("data-base64", "AAEC").put("kind", "lossy"));
        assertThat(lossy).isInstanceOfSatisfying(OperationResult.Success.class,
                s -> assertThat(s.payload().path("kind").asText()).isEqualTo("lossy"));
    }

    @Test
    void payloadOverTheLimitGetsTheSizeAndTheLimit() {
        var r = send(Json.object().put("room", "data-room").put("data", "x".repeat(101)).put("kind", "lossy"));
        assertThat(r).isInstanceOfSatisfying(OperationResult.Failure.class, f -> {
            assertThat(f.code()).isEqualTo(FailureCode.INVALID_REQUEST);
            assertThat(f.message()).contains("101 bytes").contains("limit of 100 bytes");
            assertThat(f.violations()).singleElement().satisfies(v -> {
                assertThat(v.path()).isEqualTo("$.data");
                assertThat(v.hint()).contains("reliable");
            });
        });
    }

    @Test
    void gateRefusesOversizedPayloadsBeforeTheyReachLiveKit() {
        var gate = new DataSizeGateProvider().create(new GateSettings("size", "data-size",
                Json.object().put("max-reliable-bytes", 10), "modes/data.toml:3"));
        var big = OperationRequest.builder("data.send")
                .params(Json.object().put("room", "r").put("data", "0123456789A")).build();
        GateVerdict verdict = gate.before(new GateCheck(big, DataSpecialist.SEND, TimeSource.system(), List::of));
        assertThat(verdict).isInstanceOfSatisfying(GateVerdict.Block.class,
                b -> assertThat(b.violations().get(0).message()).contains("11 bytes").contains("limit of 10"));
        var small = OperationRequest.builder("data.send").params(Json.object().put("room", "r").put("data", "ok"))
                .build();
        assertThat(gate.before(new GateCheck(small, DataSpecialist.SEND, TimeSource.system(), List::of)))
                .isInstanceOf(GateVerdict.Pass.class);
    }

    @Test
    void badGateSettingsNameTheKey() {
        assertThatThrownBy(() -> new DataSizeGateProvider().create(new GateSettings("size", "data-size",
                Json.object().put("max-lossy-bytes", 0), "modes/data.toml:7")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("modes/data.toml:7:max-lossy-bytes");
    }
}
