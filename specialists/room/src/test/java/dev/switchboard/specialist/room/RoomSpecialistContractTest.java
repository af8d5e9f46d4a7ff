package dev.switchboard.specialist.room;

import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import dev.switchboard.testkit.EffectProbe;
import dev.switchboard.testkit.SpecialistContract;
import dev.switchboard.testkit.livekit.LiveKitServer;
import dev.switchboard.testkit.livekit.LiveKitTest;
import java.util.List;
import java.util.UUID;

/** The specialist TCK, run against a real livekit-server. */
@LiveKitTest
class RoomSpecialistContractTest extends SpecialistContract {

    private final LiveKitServer livekit;

    RoomSpecialistContractTest(LiveKitServer livekit) {
        this.livekit = livekit;
    }

    @Override
    protected Specialist createSpecialist() {
        return new RoomSpecialist();
    }

    @Override
    protected SpecialistContext createContext(String specialistName) {
        return RoomSpecialistTest.context(livekit.httpUrl().toString(), livekit.apiKey(),
                livekit.apiSecret().reveal());
    }

    /**
     * room.create's verify takes CreateRoom's reply as its evidence (no read-back), so it cannot see a
     * later deletion: for it, the probe asks LiveKit for the room.
     */
    @Override
    protected EffectProbe effectProbe() {
        return (specialist, context, request, result) -> request.operation().equals("room.create")
                ? specialist.execute(context, OperationRequest.builder("room.get")
                        .params(Json.object().put("name", request.params().path("name").asText())).build())
                        .isSuccess()
                : EffectProbe.byVerify().present(specialist, context, request, result);
    }

    @Override
    protected List<OperationRequest> sampleRequests() {
        String name = "tck-" + UUID.randomUUID().toString().substring(0, 8);
        return List.of(
                OperationRequest.builder("room.create").params(Json.object().put("name", name)).build(),
                OperationRequest.builder("room.update-metadata")
                        .params(Json.object().put("name", name).put("metadata", "tck")).build(),
                OperationRequest.builder("room.get").params(Json.object().put("name", name)).build());
    }
}
