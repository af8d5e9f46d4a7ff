package dev.switchboard.coordinator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Secret;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthTest {

    private static final String OPS = "ops-key-0123456789abcdef";
    private static final String VIEWER = "viewer-key-0123456789abc";

    private final TestSwitchboard switchboard = new TestSwitchboard()
            .operation("room.list", r -> OperationResult.success(Json.object()));
    private HttpApi api;

    private ApiClient start(HttpSettings.Builder settings) {
        api = HttpApi.start(switchboard, settings.port(0)
                .apiKey(ApiKey.of("ops", Secret.of("${OPS_KEY}", OPS), "operator", "admin"))
                .apiKey(ApiKey.of("viewer", Secret.of("file:/run/viewer", VIEWER), "viewer"))
                .build());
        return new ApiClient(api);
    }

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void missingKeyIs401WithAChallenge() {
        HttpResponse<String> r = start(HttpSettings.builder()).post("/v1/operations/room.list", "{}");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(ApiClient.json(r).path("error").path("message").asText()).contains("missing API key");
        assertThat(switchboard.requests).isEmpty();
    }

    @Test
    void wrongKeyIs401AndNeverEchoesKeys() {
        ApiClient client = start(HttpSettings.builder());
        HttpResponse<String> r = client.post("/v1/operations/room.list", "{}", "Authorization",
                "Bearer " + OPS.substring(0, OPS.length() - 1) + "X");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).doesNotContain(OPS).doesNotContain(VIEWER).contains("invalid API key");
        assertThat(client.post("/v1/operations/room.list", "{}", "Authorization", "Basic b3BzOm9wcw==")
                .statusCode()).isEqualTo(401);
        assertThat(switchboard.requests).isEmpty();
    }

    @Test
    void bearerAndXApiKeyMapToTheKeysCallerAndRoles() {
        ApiClient client = start(HttpSettings.builder());
        assertThat(client.post("/v1/operations/room.list", "{}", "Authorization", "Bearer " + OPS).statusCode())
                .isEqualTo(200);
        assertThat(switchboard.requests.getLast().caller().principal()).isEqualTo("ops");
        assertThat(switchboard.requests.getLast().caller().roles()).containsExactlyInAnyOrder("operator", "admin");
        assertThat(client.post("/v1/operations/room.list", "{}", "X-Api-Key", VIEWER).statusCode()).isEqualTo(200);
        assertThat(switchboard.requests.getLast().caller().principal()).isEqualTo("viewer");
        assertThat(switchboard.requests.getLast().caller().roles()).containsExactly("viewer");
    }

    @Test
    void healthAndMetricsAreOpenByDefaultButCatalogAndOpenApiAreNot() {
        ApiClient client = start(HttpSettings.builder());
        assertThat(client.get("/health").statusCode()).isEqualTo(200);
        assertThat(client.get("/metrics").statusCode()).isEqualTo(200);
        assertThat(client.get("/v1/operations").statusCode()).isEqualTo(401);
        assertThat(client.get("/openapi.json").statusCode()).isEqualTo(401);
        assertThat(client.get("/openapi.json", "X-Api-Key", OPS).statusCode()).isEqualTo(200);
    }

    @Test
    void healthAndMetricsCanBeClosed() {
        ApiClient client = start(HttpSettings.builder().openHealth(false).openMetrics(false));
        assertThat(client.get("/health").statusCode()).isEqualTo(401);
        assertThat(client.get("/metrics").statusCode()).isEqualTo(401);
        assertThat(client.get("/metrics", "X-Api-Key", VIEWER).statusCode()).isEqualTo(200);
    }

    @Test
    void anonymousAccessIsOptIn() {
        ApiClient client = start(HttpSettings.builder().allowAnonymous(true));
        assertThat(client.post("/v1/operations/room.list", "{}").statusCode()).isEqualTo(200);
        assertThat(switchboard.requests.getLast().caller().principal()).isEqualTo("anonymous");
        assertThat(client.post("/v1/operations/room.list", "{}", "X-Api-Key", "wrong-key-wrong-key").statusCode())
                .as("a wrong key is still refused when anonymous access is on").isEqualTo(401);
    }

    @Test
    void settingsRejectShortAndDuplicateKeys() {
        assertThatThrownBy(() -> ApiKey.of("short", Secret.of("${SHORT}", "abc")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("${SHORT}").hasMessageNotContaining("abc\"");
        assertThatThrownBy(() -> HttpSettings.builder()
                .apiKey(ApiKey.of("a", Secret.of("${A}", OPS)))
                .apiKey(ApiKey.of("a", Secret.of("${B}", VIEWER))).build())
                .hasMessageContaining("'a' is used twice");
        assertThatThrownBy(() -> HttpSettings.builder().port(70_000).build()).hasMessageContaining("port");
    }
}
