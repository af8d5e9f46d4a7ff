package dev.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.livekit.server.RoomServiceClient;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main job as a user runs it: {@code switchboard serve} in its own JVM starts a local
 * livekit-server, loads the plugin JARs and serves the HTTP API; a room created over HTTP exists on
 * that server; stopping the process stops the server.
 */
class ServeMainJobTest {

    @TempDir
    Path dir;

    @Test
    void serveStartsLiveKitAndTheHttpApi() throws Exception {
        int httpPort = ServeProcess.freePort();
        int livekitPort = ServeProcess.freePort();
        // control plane only here: the loopback dev network keeps test traffic on 127.0.0.1
        ServeProcess serve = ServeProcess.start(dir, httpPort, livekitPort,
                Map.of("SWITCHBOARD_DEV_NETWORK", "loopback"));
        try {
            assertThat(serve.awaitLine("switchboard: ready", Duration.ofSeconds(120)))
                    .as("serve said ready; %s", serve.describe()).isPresent();

            Map<String, String> env = serve.devEnv();
            assertThat(Files.getPosixFilePermissions(serve.devEnvFile()))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(serve.output()).doesNotContain(env.get("LIVEKIT_API_SECRET"))
                    .doesNotContain(env.get("SWITCHBOARD_API_KEY"));

            HttpClient http = HttpClient.newHttpClient();
            var health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            var created = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + httpPort + "/v1/operations/room.create"))
                    .header("Authorization", "Bearer " + env.get("SWITCHBOARD_API_KEY"))
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"main-job\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

            var rooms = RoomServiceClient.createClient(env.get("LIVEKIT_URL").replace("ws://", "http://"),
                    env.get("LIVEKIT_API_KEY"), env.get("LIVEKIT_API_SECRET"));
            assertThat(rooms.listRooms().execute().body()).extracting(r -> r.getName()).contains("main-job");

            String base = "http://127.0.0.1:" + httpPort + "/playground/";
            assertThat(serve.output()).contains("talk to the agent in a browser: " + base);
            var page = http.send(HttpRequest.newBuilder(URI.create(base)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>Switchboard playground</title>");
            var client = http.send(HttpRequest.newBuilder(URI.create(base + "livekit-client.umd.js")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(client.statusCode()).as("livekit-client from npm (scripts/setup.sh installs it): %s",
                    client.body().length() > 200 ? "" : client.body()).isEqualTo(200);
            var escape = http.send(HttpRequest.newBuilder(URI.create(base + "..%2F..%2Fpom.xml")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(escape.statusCode()).isEqualTo(404);
            var minted = http.send(HttpRequest.newBuilder(URI.create(base + "token"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(minted.statusCode()).as(minted.body()).isEqualTo(200);
            var token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(minted.body());
            assertThat(token.path("room").asText()).isEqualTo("playground");
            assertThat(token.path("url").asText()).isEqualTo(env.get("LIVEKIT_URL"));
            var verified = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + httpPort + "/v1/operations/token.verify"))
                    .header("Authorization", "Bearer " + env.get("SWITCHBOARD_API_KEY"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token.path("token").asText() + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
            assertThat(verified.body()).contains(token.path("identity").asText());
        } finally {
            assertThat(serve.stop()).as("serve stops on SIGTERM").isTrue();
        }
        try (ServerSocket again = new ServerSocket(livekitPort)) {
            assertThat(again.getLocalPort()).as("the dev livekit-server is gone").isEqualTo(livekitPort);
        }
    }
}
