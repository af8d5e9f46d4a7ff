package dev.switchboard.specialist.media;

import dev.switchboard.testkit.TestSpecialistContext;
import dev.switchboard.testkit.livekit.LiveKitServer;

/** Specialist contexts pointing at a testkit server. */
final class MediaContexts {

    private MediaContexts() {
    }

    static TestSpecialistContext of(LiveKitServer livekit) {
        return TestSpecialistContext.builder("media")
                .config("{\"livekit\":{\"url\":\"" + livekit.httpUrl() + "\",\"api-key\":\"" + livekit.apiKey()
                        + "\",\"api-secret\":\"${LK_SECRET}\",\"timeout-ms\":3000}}")
                .secret("${LK_SECRET}", livekit.apiSecret().reveal())
                .build();
    }
}
