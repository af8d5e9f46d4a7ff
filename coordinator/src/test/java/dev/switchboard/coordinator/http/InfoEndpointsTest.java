package dev.switchboard.coordinator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationResult;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InfoEndpointsTest {

    private final TestSwitchboard switchboard = new TestSwitchboard()
            .operation("room.create", """
                    {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
                     "required": ["name"],
                     "properties": {"name": {"$ref": "#/definitions/roomName"}},
                     "definitions": {"roomName": {"type": "string", "pattern": "^[a-z0-9-]+$"}}}""",
                    r -> OperationResult.success(Json.object()))
            .operation("token.mint", r -> OperationResult.success(Json.object()));
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private HttpApi api;
    private ApiClient client;

    @BeforeEach
    void start() {
        registry.counter("switchboard.operations", "operation", "room.create").increment(3);
        api = HttpApi.start(switchboard, HttpSettings.builder().port(0).allowAnonymous(true)
                .metricsScrape(registry::scrape).build());
        client = new ApiClient(api);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void healthIsUpWhileTheCoordinatorAnswersAndDownAfter() {
        HttpResponse<String> up = client.get("/health");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(up).path("ready").asBoolean()).isTrue();
        switchboard.close();
        HttpResponse<String> down = client.get("/health");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(ApiClient.json(down).path("live").asBoolean()).isTrue();
        assertThat(ApiClient.json(down).path("ready").asBoolean()).isFalse();
    }

    @Test
    void metricsServeThePrometheusScrape() {
        HttpResponse<String> r = client.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(r.body()).contains("switchboard_operations_total{operation=\"room.create\"} 3.0");
    }

    @Test
    void catalogListsOperationsWithSchemas() {
        JsonNode body = ApiClient.json(client.get("/v1/operations"));
        assertThat(body.path("operations")).hasSize(2);
        JsonNode first = body.path("operations").get(0);
        assertThat(first.path("name").asText()).isEqualTo("room.create");
        assertThat(first.path("specialist").asText()).isEqualTo("test");
        assertThat(first.path("inputSchema").path("required").get(0).asText()).isEqualTo("name");
    }

    @Test
    void openApiIsA31DocumentWithAPathPerOperationAndResolvableRefs() {
        HttpResponse<String> r = client.get("/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = ApiClient.json(r);
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.path("info").path("title").asText()).isNotEmpty();
        for (String op : List.of("room.create", "token.mint")) {
            JsonNode post = doc.path("paths").path("/v1/operations/" + op).path("post");
            assertThat(post.path("operationId").asText()).isEqualTo(op);
            assertThat(post.path("requestBody").path("content").path("application/json").path("schema")
                    .path("$ref").asText()).isEqualTo("#/components/schemas/" + op + ".input");
            assertThat(post.path("responses").has("200")).isTrue();
            assertThat(post.path("responses").has("422")).isTrue();
        }
        JsonNode input = doc.path("components").path("schemas").path("room.create.input");
        assertThat(input.has("$schema")).isFalse();
        assertThat(input.path("properties").path("name").path("$ref").asText())
                .isEqualTo("#/components/schemas/room.create.input/definitions/roomName");
        for (String ref : refs(doc)) {
            assertThat(doc.at(ref.substring(1).replace("~", "~0")).isMissingNode())
                    .as("$ref %s resolves inside the document", ref).isFalse();
        }
        assertThat(doc.path("paths").has("/health")).isTrue();
        assertThat(doc.path("paths").has("/webhooks/livekit")).isTrue();
    }

    private static List<String> refs(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("$ref")) {
                    out.add(field.getValue().asText());
                } else {
                    out.addAll(refs(field.getValue()));
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> out.addAll(refs(child)));
        }
        return out;
    }
}
