package dev.switchboard.coordinator.http;

import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Violation;
import java.util.List;

/** Behaviours of the test operations. Stateless. */
final class TestOperations {

    private TestOperations() {
    }

    /** Checks the one required field the way the schema gate would, then echoes the name. */
    static OperationResult createRoom(OperationRequest request) {
        if (!request.params().path("name").isTextual()) {
            return OperationResult.rejected(FailureCode.INVALID_REQUEST, "request does not match the schema",
                    List.of(new Violation("schema.required", "$.name", "required property 'name' is missing",
                            "add \"name\": \"<room name>\"")));
        }
        return OperationResult.success(Json.object().put("name", request.params().path("name").asText()));
    }
}
