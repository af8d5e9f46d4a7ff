package dev.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.coordinator.http.HttpApi;
import dev.switchboard.coordinator.http.HttpSettings;
import dev.switchboard.coordinator.http.WebhookSettings;
import dev.switchboard.media.rtc.ConnectOptions;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcClient;
import dev.switchboard.spi.Secret;
import dev.switchboard.spi.SwitchboardEvent;
import dev.switchboard.testkit.livekit.LiveKitNetwork;
import dev.switchboard.testkit.livekit.LiveKitServer;
import io.livekit.server.AccessToken;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real participant (the Java WebRTC client) joins and leaves a room on a livekit-server running in
 * a network namespace; the server's participant_joined and participant_left webhooks reach
 * Switchboard's receiver verified, naming the participant.
 */
class ParticipantWebhooksTest {

    @TempDir
    Path state;

    @Test
    void participantJoinAndLeaveArriveAsVerifiedWebhooks() throws Exception {
        List<SwitchboardEvent> events = new CopyOnWriteArrayList<>();
        String key = "APIpj" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        Secret secret = Secret.of("generated", HexFormat.of().formatHex(new SecureRandom().generateSeed(24)));
        // the receiver listens on every interface so the namespace's server reaches it through the veth pair
        try (Switchboard sb = Switchboard.builder().environment(Map.of()).watchModes(false).build();
                HttpApi api = HttpApi.start(sb, HttpSettings.builder().bindAddress("0.0.0.0").port(0)
                        .webhooks(WebhookSettings.builder().key(key, secret).stateDirectory(state)
                                .eventSink(events::add).build()).build());
                LiveKitServer server = LiveKitServer.builder().network(LiveKitNetwork.NAMESPACE)
                        .credentials(key, secret)
                        .webhookUrl("http://{host}:" + api.port() + "/webhooks/livekit").start()) {
            join(server);
            awaitEvent(events, "livekit.participant_joined");
            SwitchboardEvent left = awaitEvent(events, "livekit.participant_left");
            assertThat(left.data().path("participant").path("identity").asText()).isEqualTo("alice");
        }
    }

    private static void join(LiveKitServer server) throws Exception {
        AccessToken token = new AccessToken(server.apiKey(), server.apiSecret().reveal());
        token.setIdentity("alice");
        token.addGrants(new RoomJoin(true), new RoomName("hooks"));
        try (RtcClient rtc = RtcClient.create();
                RoomSession room = rtc.connect(
                        ConnectOptions.of(server.wsUrl(), Secret.of("token", token.toJwt())))) {
            assertThat(room.isConnected()).isTrue();
            Thread.sleep(1_000);
        }
    }

    private static SwitchboardEvent awaitEvent(List<SwitchboardEvent> events, String type)
            throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            for (SwitchboardEvent e : events) {
                String who = e.data().path("participant").path("identity").asText();
                if (e.type().equals(type) && who.equals("alice")) {
                    return e;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + type + " webhook within 30 s; got "
                + events.stream().map(SwitchboardEvent::type).toList());
    }
}
