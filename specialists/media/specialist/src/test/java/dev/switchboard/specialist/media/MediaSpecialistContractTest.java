package dev.switchboard.specialist.media;

import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import dev.switchboard.testkit.SpecialistContract;
import dev.switchboard.testkit.livekit.LiveKitServer;
import dev.switchboard.testkit.livekit.LiveKitTest;
import java.util.List;

/** The specialist TCK, run against a real livekit-server. */
@LiveKitTest
class MediaSpecialistContractTest extends SpecialistContract {

    private final LiveKitServer livekit;

    MediaSpecialistContractTest(LiveKitServer livekit) {
        this.livekit = livekit;
    }

    @Override
    protected Specialist createSpecialist() {
        return new MediaSpecialist();
    }

    @Override
    protected SpecialistContext createContext(String specialistName) {
        return MediaContexts.of(livekit);
    }

    @Override
    protected List<OperationRequest> sampleRequests() {
        return List.of(OperationRequest.builder("media.worker.status").build());
    }
}
