package dev.switchboard.specialist.media;

import static dev.switchboard.specialist.media.Embedded.ok;
import static dev.switchboard.testkit.Conditions.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.SwitchboardEvent;
import dev.switchboard.testkit.livekit.LiveKitServerExtension;
import io.livekit.server.AccessToken;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data bridge with a participant nobody here wrote: the official LiveKit Python SDK
 * ({@code src/test/python/data_peer.py}, venv from {@code scripts/setup.d/40-python-livekit.sh})
 * publishes, the host's listener gets it; the host publishes, the Python participant receives it.
 */
class PythonBridgeTest {

    @RegisterExtension
    static final LiveKitServerExtension LIVEKIT = LiveKitServerExtension.namespace();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPythonParticipantAndTheHostExchangeDataThroughTheBridge(@TempDir Path dir) throws Exception {
        Path python = Path.of(System.getenv().getOrDefault("SWITCHBOARD_CACHE",
                System.getProperty("user.home") + "/.cache/switchboard"), "pyenv", "bin", "python");
        if (!Files.isExecutable(python)) {
            System.out.println("SKIPPED PythonBridgeTest: no LiveKit Python venv at " + python
                    + " (run scripts/setup.d/40-python-livekit.sh)");
        }
        Assumptions.assumeTrue(Files.isExecutable(python), "no LiveKit Python venv at " + python);
        var server = LIVEKIT.server();
        List<SwitchboardEvent> received = new CopyOnWriteArrayList<>();
        List<JsonNode> atPython = new CopyOnWriteArrayList<>();
        try (Switchboard sb = Embedded.switchboard(server, dir)) {
            sb.listen(e -> {
                if (e.type().equals("data.received")) {
                    received.add(e);
                }
            });
            var topics = Json.mapper().createArrayNode().add("py");
            ok(sb, "data.subscribe", Json.object().put("room", "py-room").set("topics", topics));
            Process peer = start(python, server.wsUrl().toString(), token(server), dir.resolve("peer.err"));
            Thread.ofVirtual().start(() -> read(peer, atPython));
            try {
                assertThat(waitUntil(Duration.ofSeconds(30), () -> !received.isEmpty()))
                        .as("a Python message reached the host; peer stderr: %s", stderr(dir)).isTrue();
                JsonNode first = received.getFirst().data();
                assertThat(first.path("sender").asText()).isEqualTo("py-peer");
                assertThat(first.path("topic").asText()).isEqualTo("py");
                assertThat(first.path("payload").asText()).startsWith("python ");

                ok(sb, "data.publish", Json.object().put("room", "py-room").put("data", "hello python")
                        .put("topic", "to-python"));
                assertThat(waitUntil(Duration.ofSeconds(15), () -> atPython.stream()
                        .anyMatch(e -> e.path("payload").asText().equals("hello python"))))
                        .as("the Python participant got the host's message; saw %s", atPython).isTrue();
                JsonNode got = atPython.stream().filter(e -> e.path("payload").asText().equals("hello python"))
                        .findFirst().orElseThrow();
                assertThat(got.path("topic").asText()).isEqualTo("to-python");
            } finally {
                peer.getOutputStream().close();
                if (!peer.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    peer.destroyForcibly();
                }
            }
        }
    }

    private static String token(dev.switchboard.testkit.livekit.LiveKitServer server) {
        AccessToken token = new AccessToken(server.apiKey(), server.apiSecret().reveal());
        token.setIdentity("py-peer");
        token.addGrants(new RoomJoin(true), new RoomName("py-room"));
        return token.toJwt();
    }

    private static Process start(Path python, String url, String token, Path err) throws IOException {
        Path script = Path.of(System.getProperty("basedir", "."), "src", "test", "python", "data_peer.py");
        ProcessBuilder builder = new ProcessBuilder(python.toString(), script.toString(), "--url", url)
                .redirectError(err.toFile());
        builder.environment().put("LIVEKIT_TOKEN", token);
        return builder.start();
    }

    private static void read(Process peer, List<JsonNode> events) {
        try (var in = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                try {
                    JsonNode node = JSON.readTree(line);
                    if (node.path("event").asText().equals("data")) {
                        events.add(node);
                    }
                } catch (IOException notJson) {
                    System.out.println("python peer: " + line);
                }
            }
        } catch (IOException closed) {
            // the process ended
        }
    }

    private static String stderr(Path dir) {
        try {
            String s = Files.readString(dir.resolve("peer.err"));
            return s.length() > 2_000 ? s.substring(s.length() - 2_000) : s;
        } catch (IOException e) {
            return "(none)";
        }
    }
}
