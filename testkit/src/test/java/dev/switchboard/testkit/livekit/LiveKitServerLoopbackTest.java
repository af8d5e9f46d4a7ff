package dev.switchboard.testkit.livekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.Secret;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Starts real livekit-server processes on loopback and checks them from the outside. */
class LiveKitServerLoopbackTest {

    @Test
    void startsAnswersAcceptsItsOwnKeyAndRejectsAnother() throws Exception {
        try (LiveKitServer lk = LiveKitServer.startLoopback()) {
            assertThat(lk.network()).isEqualTo(LiveKitNetwork.LOOPBACK);
            assertThat(lk.address()).isEqualTo("127.0.0.1");
            assertThat(lk.httpUrl().toString()).isEqualTo("http://127.0.0.1:" + lk.httpPort());
            assertThat(lk.wsUrl().toString()).isEqualTo("ws://127.0.0.1:" + lk.httpPort());
            assertThat(lk.namespace()).isEmpty();
            assertThat(Twirp.health(lk.httpUrl()).body()).isEqualTo("OK");

            HttpResponse<String> created = Twirp.roomService(lk.httpUrl(), "CreateRoom",
                    TestTokens.admin(lk.apiKey(), lk.apiSecret().reveal()), "{\"name\":\"launcher-room\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            HttpResponse<String> listed = Twirp.roomService(lk.httpUrl(), "ListRooms",
                    TestTokens.admin(lk.apiKey(), lk.apiSecret().reveal()), "{}");
            assertThat(Json.mapper().readTree(listed.body()).path("rooms").findValuesAsText("name"))
                    .containsExactly("launcher-room");

            HttpResponse<String> forged = Twirp.roomService(lk.httpUrl(), "ListRooms",
                    TestTokens.admin(lk.apiKey(), "not-the-secret-not-the-secret-not-the"), "{}");
            assertThat(forged.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void eachServerGetsFreshCredentialsAndItsOwnPorts() {
        try (LiveKitServer a = LiveKitServer.startLoopback(); LiveKitServer b = LiveKitServer.startLoopback()) {
            assertThat(a.apiKey()).startsWith("API").isNotEqualTo(b.apiKey());
            assertThat(a.apiSecret().reveal()).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(b.apiSecret().reveal());
            assertThat(a.httpPort()).isNotEqualTo(b.httpPort());
            assertThat(a.rtcUdpPort()).isNotEqualTo(b.rtcUdpPort());
        }
    }

    @Test
    void secretNeverPrintsItself() {
        try (LiveKitServer lk = LiveKitServer.startLoopback()) {
            String secret = lk.apiSecret().reveal();
            assertThat(lk.toString()).doesNotContain(secret).contains(lk.apiKey());
            assertThat(lk.apiSecret().toString()).doesNotContain(secret);
            assertThat(lk.keys().toString()).doesNotContain(secret);
        }
    }

    @Test
    void additionalKeysAreAcceptedForRotation() throws Exception {
        Secret old = Secret.of("test:old", "an-old-secret-that-is-long-enough-32");
        try (LiveKitServer lk = LiveKitServer.builder().additionalKey("APIold", old).start()) {
            assertThat(lk.keys()).containsKeys(lk.apiKey(), "APIold");
            assertThat(lk.keys().keySet().iterator().next()).isEqualTo(lk.apiKey());
            HttpResponse<String> r = Twirp.roomService(lk.httpUrl(), "ListRooms",
                    TestTokens.admin("APIold", old.reveal()), "{}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
    }

    @Test
    void closeStopsTheProcessFreesThePortAndDeletesTheConfig() throws Exception {
        LiveKitServer lk = LiveKitServer.startLoopback();
        Path log = lk.logFile();
        Path config = log.resolveSibling("livekit.yaml");
        assertThat(config).exists();
        assertThat(Files.getPosixFilePermissions(config).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");

        lk.close();
        lk.close();

        assertThat(lk.isRunning()).isFalse();
        assertThat(config).doesNotExist();
        assertThat(log.getParent()).doesNotExist();
        assertThatThrownBy(() -> Twirp.health(lk.httpUrl())).isInstanceOf(ConnectException.class);
    }

    @Test
    void killThenRestartKeepsUrlAndCredentials() throws Exception {
        try (LiveKitServer lk = LiveKitServer.startLoopback()) {
            String url = lk.httpUrl().toString();
            lk.kill();
            assertThat(lk.isRunning()).isFalse();
            assertThatThrownBy(() -> Twirp.health(lk.httpUrl())).isInstanceOf(ConnectException.class);

            lk.restart();

            assertThat(lk.isRunning()).isTrue();
            assertThat(lk.httpUrl().toString()).isEqualTo(url);
            HttpResponse<String> r = Twirp.roomService(lk.httpUrl(), "ListRooms",
                    TestTokens.admin(lk.apiKey(), lk.apiSecret().reveal()), "{}");
            assertThat(r.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aBinaryThatIsNotLiveKitFailsWithItsOutput(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path fake = tmp.resolve("not-livekit");
        Files.writeString(fake, "#!/bin/sh\necho 'this is not livekit-server' >&2\nexit 3\n");
        fake.toFile().setExecutable(true);

        assertThatThrownBy(() -> LiveKitServer.builder().binary(fake).startTimeout(Duration.ofSeconds(5)).start())
                .isInstanceOf(LiveKitUnavailableException.class)
                .hasMessageContaining("exited with code 3 before answering")
                .hasMessageContaining("this is not livekit-server");
    }

    @Test
    void aServerThatNeverAnswersTimesOutNamingTheUrl(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path silent = tmp.resolve("silent");
        Files.writeString(silent, "#!/bin/sh\necho 'starting, honest'\nexec sleep 30\n");
        silent.toFile().setExecutable(true);

        assertThatThrownBy(() -> LiveKitServer.builder().binary(silent).startTimeout(Duration.ofSeconds(1)).start())
                .isInstanceOf(LiveKitUnavailableException.class)
                .hasMessageMatching("(?s)livekit-server did not answer GET http://127\\.0\\.0\\.1:\\d+/ within 1 s.*")
                .hasMessageContaining("starting, honest");
    }

    @Test
    void webhooksReachAReceiverOnTheHost() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start("127.0.0.1");
                LiveKitServer lk = LiveKitServer.builder()
                        .webhookUrl("http://{host}:" + receiver.port() + "/webhook").start()) {
            assertThat(lk.webhookUrls()).extracting(Object::toString)
                    .containsExactly("http://127.0.0.1:" + receiver.port() + "/webhook");

            Twirp.roomService(lk.httpUrl(), "CreateRoom",
                    TestTokens.admin(lk.apiKey(), lk.apiSecret().reveal()), "{\"name\":\"hooked\"}");

            WebhookReceiver.Delivery d = receiver.await("room_started", Duration.ofSeconds(10));
            JsonNode event = Json.mapper().readTree(d.body());
            assertThat(event.path("room").path("name").asText()).isEqualTo("hooked");
            assertThat(d.authorization()).isNotEmpty();
            assertThat(WebhookReceiver.issuer(d.authorization())).isEqualTo(lk.apiKey());
        }
    }

    @Test
    void fixedPortsGiveAStableUrlAndATakenPortIsNamed() throws Exception {
        int port = freeTriple();
        try (LiveKitServer lk = LiveKitServer.builder().fixedPorts(port).start()) {
            assertThat(lk.httpUrl().toString()).isEqualTo("http://127.0.0.1:" + port);
            assertThat(lk.rtcTcpPort()).isEqualTo(port + 1);
            assertThat(lk.rtcUdpPort()).isEqualTo(port + 2);
            assertThat(Twirp.health(lk.httpUrl()).body()).isEqualTo("OK");

            assertThatThrownBy(() -> LiveKitServer.builder().fixedPorts(port).start())
                    .isInstanceOf(LiveKitUnavailableException.class)
                    .hasMessageContaining("could not bind its fixed ports " + port + "-" + (port + 2));
        }
    }

    private static int freeTriple() throws java.io.IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                base = s.getLocalPort();
            }
            if (base > 65_000) {
                continue;
            }
            try (java.net.ServerSocket a = new java.net.ServerSocket(base + 1);
                    java.net.DatagramSocket b = new java.net.DatagramSocket(base + 2)) {
                if (a.isBound() && b.isBound()) {
                    return base;
                }
            } catch (java.io.IOException taken) {
                // try another base
            }
        }
        throw new IllegalStateException("no three consecutive free ports");
    }

    @Test
    void builderRejectsBadSettingsNamingTheField() {
        assertThatThrownBy(() -> LiveKitServer.builder().webhookUrl("ftp://x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("webhookUrl 'ftp://x'");
        assertThatThrownBy(() -> LiveKitServer.builder().credentials("bad key", Secret.of("r", "v")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("API key 'bad key'");
        assertThatThrownBy(() -> LiveKitServer.builder().logLevel("loud"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("logLevel 'loud'");
        assertThatThrownBy(() -> LiveKitServer.builder().credentials("devkey", Secret.of("r", " ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret of API key 'devkey'");
        assertThatThrownBy(() -> LiveKitServer.builder().fixedPorts(80))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fixedPorts 80");
        assertThatThrownBy(() -> LiveKitServer.builder().fixedPorts(17880).network(LiveKitNetwork.NAMESPACE).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LOOPBACK and HOST only");
        assertThatThrownBy(() -> LiveKitServer.builder().startTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("startTimeout");
    }
}
