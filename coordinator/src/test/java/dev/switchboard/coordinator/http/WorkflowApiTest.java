package dev.switchboard.coordinator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.coordinator.workflow.WorkflowResult;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationResult;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkflowApiTest {

    private final TestSwitchboard switchboard = new TestSwitchboard()
            .operation("room.create", TestOperations::createRoom)
            .workflow("session-start", (inputs, caller) -> new WorkflowResult.Completed("wf-1",
                    Json.object().set("create-room", Json.object().put("name", inputs.path("room").asText()))))
            .workflow("session-broken", (inputs, caller) -> new WorkflowResult.RolledBack("wf-2", "mint-token",
                    OperationResult.failure(FailureCode.UNAVAILABLE, "LiveKit unreachable at ws://127.0.0.1:1"),
                    List.of("create-room"), List.of()));
    private HttpApi api;
    private ApiClient client;

    @BeforeEach
    void start() {
        api = HttpApi.start(switchboard, HttpSettings.builder().port(0).allowAnonymous(true).build());
        client = new ApiClient(api);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void completedWorkflowsAre200WithOutputs() {
        HttpResponse<String> r = client.post("/v1/workflows/session-start", "{\"room\": \"lobby\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = ApiClient.json(r);
        assertThat(body.path("status").asText()).isEqualTo("completed");
        assertThat(body.path("workflowId").asText()).isEqualTo("wf-1");
        assertThat(body.path("outputs").path("create-room").path("name").asText()).isEqualTo("lobby");
    }

    @Test
    void rolledBackWorkflowsCarryTheFailureStatusAndWhatWasUndone() {
        HttpResponse<String> r = client.post("/v1/workflows/session-broken", "{}");
        assertThat(r.statusCode()).isEqualTo(503);
        JsonNode error = ApiClient.json(r).path("error");
        assertThat(error.path("code").asText()).isEqualTo("unavailable");
        assertThat(error.path("workflow").path("status").asText()).isEqualTo("rolled_back");
        assertThat(error.path("workflow").path("failedStep").asText()).isEqualTo("mint-token");
        assertThat(error.path("workflow").path("compensated").get(0).asText()).isEqualTo("create-room");
    }

    @Test
    void unknownWorkflowsAre404() {
        HttpResponse<String> r = client.post("/v1/workflows/nope", "{}");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(r).path("error").path("code").asText()).isEqualTo("unknown_operation");
    }

    @Test
    void explainShowsTheRouteWithoutRunning() {
        HttpResponse<String> r = client.post("/v1/explain/room.create", "{\"name\": \"a\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = ApiClient.json(r);
        assertThat(body.path("route").path("specialist").asText()).isEqualTo("test");
        assertThat(body.path("steps").get(0).path("matched").asBoolean()).isTrue();
        assertThat(body.path("steps").get(0).path("location").asText()).startsWith("modes/coordinator.toml");
        JsonNode unknown = ApiClient.json(client.post("/v1/explain/room.creat", "{}"));
        assertThat(unknown.path("route").isNull()).isTrue();
        assertThat(unknown.path("suggestions").get(0).asText()).isEqualTo("room.create");
        assertThat(switchboard.requests).isEmpty();
    }
}
