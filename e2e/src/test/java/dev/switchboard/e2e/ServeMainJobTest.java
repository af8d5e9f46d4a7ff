package dev.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.livekit.server.RoomServiceClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
        int httpPort = freePort();
        int livekitPort = freePort();
        Path data = dir.resolve("data");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.switchboard.coordinator.cli.Main", "serve", "--port", String.valueOf(httpPort),
                "--livekit-port", String.valueOf(livekitPort), "--data", data.toString());
        pb.environment().remove("LIVEKIT_URL");
        // control plane only here: the loopback dev network keeps test traffic on 127.0.0.1
        pb.environment().put("SWITCHBOARD_DEV_NETWORK", "loopback");
        pb.environment().put("SWITCHBOARD_WEB", Path.of("..", "web", "playground").toAbsolutePath().toString());
        pb.environment().put("SWITCHBOARD_PLUGINS", Path.of("target", "plugins").toAbsolutePath().toString());
        pb.redirectErrorStream(true);
        Process serve = pb.start();
        List<String> lines = new ArrayList<>();
        try {
            CompletableFuture<Boolean> ready =
                    CompletableFuture.supplyAsync(() -> waitFor(serve, lines, "switchboard: ready"));
            assertThat(ready.get(120, TimeUnit.SECONDS)).as("serve said ready; output: %s", lines).isTrue();

            Map<String, String> env = readEnv(data.resolve("dev.env"));
            assertThat(Files.getPosixFilePermissions(data.resolve("dev.env")))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(String.join("\n", lines)).doesNotContain(env.get("LIVEKIT_API_SECRET"))
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
            assertThat(String.join("\n", lines)).contains("talk to the agent in a browser: " + base);
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
            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
        }
        try (ServerSocket again = new ServerSocket(livekitPort)) {
            assertThat(again.getLocalPort()).as("the dev livekit-server is gone").isEqualTo(livekitPort);
        }
    }

    private static boolean waitFor(Process p, List<String> lines, String word) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                }
                if (line.startsWith(word)) {
                    CompletableFuture.runAsync(() -> drain(r));
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static void drain(BufferedReader r) {
        try {
            while (r.readLine() != null) {
                // keep the pipe from filling up
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private static Map<String, String> readEnv(Path file) throws IOException {
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("export ")) {
                String kv = line.substring("export ".length());
                int eq = kv.indexOf('=');
                env.put(kv.substring(0, eq), kv.substring(eq + 2, kv.length() - 1));
            }
        }
        return env;
    }

    private static int freePort() throws IOException {
        for (int i = 0; i < 50; i++) {
            try (ServerSocket s = new ServerSocket(0)) {
                int p = s.getLocalPort();
                if (p < 65000) {
                    try (ServerSocket a = new ServerSocket(p + 1); ServerSocket b = new ServerSocket(p + 2)) {
                        if (a.isBound() && b.isBound()) {
                            return p;
                        }
                    } catch (IOException taken) {
                        // try another
                    }
                }
            }
        }
        throw new IOException("no three consecutive free ports");
    }
}
