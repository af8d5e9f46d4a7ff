package dev.switchboard.specialist.auth;

import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import dev.switchboard.testkit.SpecialistContract;
import dev.switchboard.testkit.TestSpecialistContext;
import java.util.List;

/** The auth specialist passes the specialist TCK. */
class AuthSpecialistContractTest extends SpecialistContract {

    private static final String TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJBUElrZXkiLCJleHAiOjF9.x";

    @Override
    protected Specialist createSpecialist() {
        return new AuthSpecialist();
    }

    @Override
    protected SpecialistContext createContext(String specialistName) {
        return TestSpecialistContext.builder(specialistName)
                .config("{\"keys\":[{\"key\":\"APIkey\",\"secret\":\"${LIVEKIT_API_SECRET}\"}]}")
                .secret("${LIVEKIT_API_SECRET}", "contract-test-secret-0123456789abcdef")
                .build();
    }

    @Override
    protected List<OperationRequest> sampleRequests() {
        return List.of(
                OperationRequest.builder("token.mint").param("identity", "alice").param("room", "r")
                        .param("preset", "speaker").build(),
                OperationRequest.builder("token.inspect").param("token", TOKEN).build());
    }
}
