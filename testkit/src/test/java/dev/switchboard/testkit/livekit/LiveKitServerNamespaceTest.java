package dev.switchboard.testkit.livekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.spi.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs livekit-server in its own network namespace (as the WebRTC tests do) and checks it from the host. */
class LiveKitServerNamespaceTest {

    @Test
    void runsInsideANamespaceOnItsVethAddressAndCleansUp() throws Exception {
        String name;
        String hostLink;
        try (LiveKitServer lk = LiveKitServer.builder().network(LiveKitNetwork.NAMESPACE).start()) {
            name = lk.namespace().orElseThrow();
            hostLink = "sbh" + name.substring("sbns".length());
            assertThat(lk.address()).matches("10\\.24[0-7]\\.\\d+\\.\\d+");
            assertThat(lastOctet(lk.address())).isEqualTo(lastOctet(lk.hostAddress()) + 1);
            assertThat(lastOctet(lk.hostAddress()) % 4).isEqualTo(1);
            assertThat(lk.wsUrl().toString()).isEqualTo("ws://" + lk.address() + ":7880");

            assertThat(Commands.run(List.of("ip", "netns", "list")).output()).contains(name);
            assertThat(Commands.run(List.of("ip", "netns", "pids", name)).output()).isNotBlank();
            assertThat(Commands.run(List.of("ip", "-o", "-4", "addr", "show", "dev", hostLink)).output())
                    .contains(lk.hostAddress() + "/30");

            assertThat(Twirp.health(lk.httpUrl()).body()).isEqualTo("OK");
            HttpResponse<String> created = Twirp.roomService(lk.httpUrl(), "CreateRoom",
                    TestTokens.admin(lk.apiKey(), lk.apiSecret().reveal()), "{\"name\":\"ns-room\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

            // the server listens on its veth address only: nothing answers on the host's loopback for it
            String listening = Commands.run(List.of("ip", "netns", "exec", name, "ss", "-ltnH")).output();
            assertThat(listening).contains(lk.address() + ":7880").doesNotContain("127.0.0.1:7880");
        }
        assertThat(Commands.run(List.of("ip", "netns", "list")).output()).doesNotContain(name);
        assertThat(Commands.run(List.of("ip", "link", "show", hostLink)).ok()).isFalse();
    }

    @Test
    void twoNamespacesGetDistinctSubnetsAndWebhooksReachTheHostSide() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start("0.0.0.0");
                LiveKitServer a = LiveKitServer.builder().network(LiveKitNetwork.NAMESPACE)
                        .webhookUrl("http://{host}:" + receiver.port() + "/webhook").start();
                LiveKitServer b = LiveKitServer.builder().network(LiveKitNetwork.NAMESPACE).start()) {
            assertThat(a.namespace()).isNotEqualTo(b.namespace());
            assertThat(a.address()).isNotEqualTo(b.address());
            assertThat(a.webhookUrls().getFirst().getHost()).isEqualTo(a.hostAddress());

            Twirp.roomService(a.httpUrl(), "CreateRoom",
                    TestTokens.admin(a.apiKey(), a.apiSecret().reveal()), "{\"name\":\"from-ns\"}");

            JsonNode event = Json.mapper().readTree(receiver.await("room_started", Duration.ofSeconds(10)).body());
            assertThat(event.path("room").path("name").asText()).isEqualTo("from-ns");
        }
    }

    @Test
    void cutNetworkStopsTrafficUntilRestoredWhileTheServerKeepsRunning() throws Exception {
        try (LiveKitServer lk = LiveKitServer.builder().network(LiveKitNetwork.NAMESPACE).start()) {
            assertThat(Twirp.health(lk.httpUrl()).body()).isEqualTo("OK");
            lk.cutNetwork();
            try {
                assertThatThrownBy(() -> Twirp.health(lk.httpUrl())).isInstanceOf(java.io.IOException.class);
                assertThat(lk.isRunning()).isTrue();
            } finally {
                lk.restoreNetwork();
            }
            assertThat(Twirp.health(lk.httpUrl()).body()).isEqualTo("OK");
        }
    }

    @Test
    void loopbackCannotBeCut() {
        try (LiveKitServer lk = LiveKitServer.builder().start()) {
            assertThatThrownBy(lk::cutNetwork).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("NAMESPACE");
        }
    }

    private static int lastOctet(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf('.') + 1));
    }
}
