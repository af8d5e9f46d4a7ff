package dev.switchboard.coordinator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Secret;
import dev.switchboard.spi.Violation;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OperationApiTest {

    static final String KEY = "test-key-0123456789abcdef";
    static final String[] AUTH = {"Authorization", "Bearer " + KEY};

    private final TestSwitchboard switchboard = new TestSwitchboard()
            .operation("room.create", """
                    {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}""",
                    TestOperations::createRoom)
            .operation("room.delete", r -> OperationResult.rejected(FailureCode.GATE_REJECTED,
                    "destructive operation needs confirmation",
                    List.of(new Violation("confirm.required", "$.confirm", "room.delete is destructive",
                            "send \"confirm\": true"))))
            .operation("room.busy", r -> OperationResult.failure(FailureCode.CONFLICT, "room exists"))
            .operation("room.flood", r -> OperationResult.rejected(FailureCode.RATE_LIMITED, "slow down",
                    List.of(Violation.of("rate.limited", "$", "10 per second"))))
            .operation("room.slow", r -> {
                sleep(Duration.ofSeconds(3));
                return OperationResult.success(Json.object());
            })
            .operation("room.crash", r -> {
                throw new IllegalStateException("boom with internal detail");
            });
    private HttpApi api;
    private ApiClient client;

    @BeforeEach
    void start() {
        api = HttpApi.start(switchboard, HttpSettings.builder().port(0).maxRequestBytes(1024)
                .apiKey(ApiKey.of("ops", Secret.of("${KEY}", KEY), "operator")).build());
        client = new ApiClient(api);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void runsAnOperationAndPassesHeadersThrough() {
        HttpResponse<String> r = client.post("/v1/operations/room.create", "{\"name\": \"lobby\"}",
                "Authorization", "Bearer " + KEY, "Idempotency-Key", "abc-1",
                "X-Switchboard-Tag", "tenant=acme, env=dev",
                "X-Request-Id", "req-42", "Request-Timeout", "5s");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = ApiClient.json(r);
        assertThat(body.path("operation").asText()).isEqualTo("room.create");
        assertThat(body.path("requestId").asText()).isEqualTo("req-42");
        assertThat(body.path("result").path("name").asText()).isEqualTo("lobby");
        assertThat(r.headers().firstValue("X-Request-Id")).contains("req-42");
        OperationRequest seen = switchboard.requests.getLast();
        assertThat(seen.caller().principal()).isEqualTo("ops");
        assertThat(seen.caller().roles()).containsExactly("operator");
        assertThat(seen.idempotencyKey()).contains("abc-1");
        assertThat(seen.tags()).containsEntry("tenant", "acme").containsEntry("env", "dev");
        assertThat(seen.deadline()).hasValueSatisfying(d ->
                assertThat(d).isBetween(Instant.now().plusSeconds(3), Instant.now().plusSeconds(6)));
    }

    @Test
    void schemaViolationsAre422WithTheList() {
        HttpResponse<String> r = client.post("/v1/operations/room.create", "{}", AUTH);
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode error = ApiClient.json(r).path("error");
        assertThat(error.path("code").asText()).isEqualTo("invalid_request");
        JsonNode v = error.path("violations").get(0);
        assertThat(v.path("code").asText()).isEqualTo("schema.required");
        assertThat(v.path("path").asText()).isEqualTo("$.name");
        assertThat(v.path("message").asText()).contains("name");
        assertThat(v.path("hint").asText()).isNotEmpty();
    }

    @Test
    void malformedJsonIs400WithLineAndColumn() {
        HttpResponse<String> r = client.post("/v1/operations/room.create", "{\n  \"name\": \"x\",,\n}", AUTH);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = ApiClient.json(r).path("error");
        assertThat(error.path("message").asText()).contains("line 2").contains("column");
        assertThat(switchboard.requests).isEmpty();
    }

    @Test
    void nonObjectBodiesAndDuplicateKeysAre400() {
        assertThat(client.post("/v1/operations/room.create", "[1, 2]", AUTH).statusCode()).isEqualTo(400);
        HttpResponse<String> dup = client.post("/v1/operations/room.create",
                "{\"name\": \"a\", \"name\": \"b\"}", AUTH);
        assertThat(dup.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(dup).path("error").path("message").asText()).contains("Duplicate field");
    }

    @Test
    void oversizedBodiesAre413() {
        HttpResponse<String> r = client.post("/v1/operations/room.create",
                "{\"name\": \"" + "x".repeat(2000) + "\"}", AUTH);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(ApiClient.json(r).path("error").path("code").asText()).isEqualTo("payload_too_large");
        assertThat(switchboard.requests).isEmpty();
    }

    @Test
    void unknownOperationsAre404WithSuggestions() {
        HttpResponse<String> r = client.post("/v1/operations/room.creat", "{}", AUTH);
        assertThat(r.statusCode()).isEqualTo(404);
        JsonNode error = ApiClient.json(r).path("error");
        assertThat(error.path("code").asText()).isEqualTo("unknown_operation");
        assertThat(error.path("suggestions").get(0).asText()).isEqualTo("room.create");
    }

    @Test
    void gateRejectionIs403ConflictIs409RateLimitIs429() {
        HttpResponse<String> gate = client.post("/v1/operations/room.delete", "{}", AUTH);
        assertThat(gate.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(gate).path("error").path("violations").get(0).path("hint").asText())
                .contains("confirm");
        assertThat(client.post("/v1/operations/room.busy", "{}", AUTH).statusCode()).isEqualTo(409);
        HttpResponse<String> flood = client.post("/v1/operations/room.flood", "{}", AUTH);
        assertThat(flood.statusCode()).isEqualTo(429);
        assertThat(flood.headers().firstValue("Retry-After")).contains("1");
    }

    @Test
    void deadlinesAre504() {
        HttpResponse<String> r = client.post("/v1/operations/room.slow", "{}", "Authorization", "Bearer " + KEY,
                "Request-Timeout", "200ms");
        assertThat(r.statusCode()).isEqualTo(504);
        assertThat(ApiClient.json(r).path("error").path("code").asText()).isEqualTo("deadline_exceeded");
        HttpResponse<String> past = client.post("/v1/operations/room.slow", "{}", "Authorization", "Bearer " + KEY,
                "X-Deadline", Instant.now().minusSeconds(1).toString());
        assertThat(past.statusCode()).isEqualTo(504);
    }

    @Test
    void badDeadlineAndTagHeadersAre400() {
        assertThat(client.post("/v1/operations/room.create", "{\"name\":\"a\"}", "Authorization", "Bearer " + KEY,
                "Request-Timeout", "soon").statusCode()).isEqualTo(400);
        assertThat(client.post("/v1/operations/room.create", "{\"name\":\"a\"}", "Authorization", "Bearer " + KEY,
                "X-Deadline", "tomorrow").statusCode()).isEqualTo(400);
        assertThat(client.post("/v1/operations/room.create", "{\"name\":\"a\"}", "Authorization", "Bearer " + KEY,
                "X-Switchboard-Tag", "novalue").statusCode()).isEqualTo(400);
    }

    @Test
    void internalErrorsAre500WithoutDetailsOrStackTraces() {
        HttpResponse<String> r = client.post("/v1/operations/room.crash", "{}", AUTH);
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).doesNotContain("boom").doesNotContain("IllegalStateException").doesNotContain("at dev.");
        assertThat(ApiClient.json(r).path("error").path("message").asText())
                .contains(ApiClient.json(r).path("error").path("requestId").asText());
    }

    @Test
    void wrongMethodsAre405AndUnknownPathsAre404() {
        HttpResponse<String> r = client.get("/v1/operations/room.create", AUTH);
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).contains("POST");
        assertThat(client.get("/v2/nothing", AUTH).statusCode()).isEqualTo(404);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
