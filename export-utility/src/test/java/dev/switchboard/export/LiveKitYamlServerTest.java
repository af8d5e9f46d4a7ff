package dev.switchboard.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.switchboard.testkit.livekit.LiveKitBinary;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code livekit-yaml} export is accepted by the real livekit-server: it starts on the exported
 * file (keys from LIVEKIT_KEYS, as the file's header says), answers on the exported port, and accepts
 * an API call signed with Switchboard's key pair. Needs the livekit-server binary (scripts/setup.sh);
 * without it the test fails naming what to install.
 */
class LiveKitYamlServerTest {

    private static final String KEY = "APIyamltest";
    private static final String SECRET = "yaml-test-secret-0123456789abcdefghijklmnop";

    @TempDir
    Path out;

    @Test
    void theRealServerStartsOnTheExportAndAcceptsSwitchboardsKey() throws Exception {
        Path binary = LiveKitBinary.require();
        int port = freeTriple();
        Map<String, String> env = Map.of("LIVEKIT_URL", "ws://127.0.0.1:" + port, "LIVEKIT_API_KEY", KEY,
                "LIVEKIT_API_SECRET", SECRET);
        Cli.Result r = Cli.run(env, "export", "--format", "livekit-yaml", "--out", out.toString(),
                "--webhook-url", "http://127.0.0.1:9/webhooks/livekit");
        assertThat(r.exit()).as(r.err()).isZero();
        Path yaml = out.resolve("livekit.yaml");
        assertThat(Files.readString(yaml)).doesNotContain(SECRET);

        Path log = out.resolve("livekit-server.log");
        ProcessBuilder pb = new ProcessBuilder(List.of(binary.toString(), "--config", yaml.toString(),
                "--bind", "127.0.0.1", "--node-ip", "127.0.0.1")).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("LIVEKIT_KEYS", KEY + ": " + SECRET);
        Process server = pb.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI base = URI.create("http://127.0.0.1:" + port);
            awaitUp(http, base, server, log);

            String token = JWT.create().withIssuer(KEY).withExpiresAt(Instant.now().plusSeconds(60))
                    .withClaim("video", Map.of("roomList", true)).sign(Algorithm.HMAC256(SECRET));
            HttpResponse<String> rooms = http.send(HttpRequest.newBuilder(
                    base.resolve("/twirp/livekit.RoomService/ListRooms")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(rooms.statusCode()).as(rooms.body()).isEqualTo(200);
            assertThat(server.isAlive()).isTrue();
        } finally {
            server.destroy();
            if (!server.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static void awaitUp(HttpClient http, URI base, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("livekit-server refused the exported config (exit " + server.exitValue()
                        + "):\n" + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(base).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("livekit-server did not answer in 30 s:\n" + Files.readString(log));
    }

    /** A port p with p, p+1 and p+2 free on loopback (livekit's signalling, ICE/TCP, ICE/UDP). */
    private static int freeTriple() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int p;
            try (ServerSocket s = new ServerSocket(0)) {
                p = s.getLocalPort();
            }
            if (p < 65_000 && free(p + 1) && free(p + 2)) {
                return p;
            }
        }
        throw new IllegalStateException("no three consecutive free ports");
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", port));
            new java.net.DatagramSocket(new InetSocketAddress("127.0.0.1", port)).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
