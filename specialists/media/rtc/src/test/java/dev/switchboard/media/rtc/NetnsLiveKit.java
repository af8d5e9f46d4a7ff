package dev.switchboard.media.rtc;

import dev.switchboard.spi.Secret;
import io.livekit.server.AccessToken;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Temporary test launcher (until testkit's LiveKit extension lands): runs the real livekit-server in its
 * own network namespace joined to the host by a veth pair (host 10.77.N.1, server 10.77.N.2, a /30) and
 * starts it with {@code --node-ip} so ICE uses the veth addresses. Needs root and the server binary;
 * without them the test is skipped with the reason printed. Not thread-safe; one per test class.
 */
final class NetnsLiveKit implements AutoCloseable {

    static final Path BINARY = Path.of(System.getProperty("user.home"), ".cache/switchboard/bin/server");
    private final int n;
    private final String ns;
    private final String hostIf;
    private final String apiKey = "switchboard-test";
    private final String apiSecret;
    private Process server;
    private Path log;

    private NetnsLiveKit(int n) {
        this.n = n;
        this.ns = "sbrtc" + n;
        this.hostIf = "sbrh" + n;
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        this.apiSecret = HexFormat.of().formatHex(bytes);
    }

    static NetnsLiveKit start() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "livekit-server missing at " + BINARY
                + " (run scripts/setup.sh)");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "network namespaces need root; running as " + System.getProperty("user.name"));
        int n = 100 + (int) (ProcessHandle.current().pid() % 150);
        NetnsLiveKit kit = new NetnsLiveKit(n);
        kit.up();
        return kit;
    }

    String serverIp() {
        return "10.77." + n + ".2";
    }

    URI url() {
        return URI.create("ws://" + serverIp() + ":7880");
    }

    Secret token(String identity, String room) {
        AccessToken token = new AccessToken(apiKey, apiSecret);
        token.setIdentity(identity);
        token.setName(identity);
        token.addGrants(new RoomJoin(true), new RoomName(room));
        return Secret.of("test-token:" + identity, token.toJwt());
    }

    /** A token signed with a secret the server does not know. */
    Secret forgedToken(String identity, String room) {
        AccessToken token = new AccessToken(apiKey, "not-the-secret-not-the-secret-not-the-secret");
        token.setIdentity(identity);
        token.addGrants(new RoomJoin(true), new RoomName(room));
        return Secret.of("forged-token:" + identity, token.toJwt());
    }

    private void up() throws IOException, InterruptedException {
        down();
        String nsIf = "sbrn" + n;
        run("ip", "netns", "add", ns);
        run("ip", "link", "add", hostIf, "type", "veth", "peer", "name", nsIf);
        run("ip", "link", "set", nsIf, "netns", ns);
        run("ip", "addr", "add", "10.77." + n + ".1/30", "dev", hostIf);
        run("ip", "link", "set", hostIf, "up");
        run("ip", "netns", "exec", ns, "ip", "addr", "add", serverIp() + "/30", "dev", nsIf);
        run("ip", "netns", "exec", ns, "ip", "link", "set", nsIf, "up");
        run("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up");
        Path dir = Files.createDirectories(Path.of("target", "livekit-" + n));
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, String.join("\n",
                "port: 7880",
                "bind_addresses: [\"" + serverIp() + "\"]",
                "rtc:",
                "  tcp_port: 7881",
                "  port_range_start: 50000",
                "  port_range_end: 50200",
                "  use_external_ip: false",
                "keys:",
                "  " + apiKey + ": " + apiSecret,
                "logging:",
                "  level: info",
                ""));
        log = dir.resolve("server.log");
        server = new ProcessBuilder("ip", "netns", "exec", ns, BINARY.toString(), "--config", config.toString(),
                "--node-ip", serverIp())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitReady();
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("livekit-server exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + serverIp() + ":7880/"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("livekit-server not ready after 15 s; log: " + log);
    }

    @Override
    public void close() throws IOException {
        try {
            if (server != null) {
                server.destroy();
                if (!server.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
            down();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void down() throws IOException, InterruptedException {
        quiet("ip", "netns", "pids", ns);
        quiet("ip", "link", "del", hostIf);
        quiet("ip", "netns", "del", ns);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static void quiet(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
    }
}
