package dev.switchboard.coordinator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.Secret;
import dev.switchboard.spi.SwitchboardEvent;
import dev.switchboard.testkit.livekit.LiveKitServer;
import io.livekit.server.RoomServiceClient;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retrofit2.Response;

/**
 * A real livekit-server sends its webhooks to the receiver: creating and deleting a room through
 * LiveKit's own RoomServiceClient must produce verified {@code livekit.room_started} and
 * {@code livekit.room_finished} events. Fails (with the reason) when livekit-server is missing.
 */
class LiveKitWebhookIntegrationTest {

    @TempDir
    Path state;

    @Test
    void roomLifecycleWebhooksFromARealServerArriveVerified() throws IOException, InterruptedException {
        String key = "APIhttp" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        Secret secret = Secret.of("generated", HexFormat.of().formatHex(raw));
        List<SwitchboardEvent> events = new CopyOnWriteArrayList<>();
        try (HttpApi api = HttpApi.start(new TestSwitchboard(), HttpSettings.builder().port(0)
                        .webhooks(WebhookSettings.builder().key(key, secret).stateDirectory(state)
                                .eventSink(events::add).build())
                        .build());
                LiveKitServer livekit = LiveKitServer.builder().credentials(key, secret)
                        .webhookUrl("http://{host}:" + api.port() + "/webhooks/livekit").start()) {
            RoomServiceClient rooms = RoomServiceClient.createClient(livekit.httpUrl().toString(), key,
                    secret.reveal());
            Response<?> created = rooms.createRoom("webhook-it").execute();
            assertThat(created.isSuccessful()).as("createRoom: %s", created).isTrue();
            awaitEvent(events, "livekit.room_started");

            Response<?> deleted = rooms.deleteRoom("webhook-it").execute();
            assertThat(deleted.isSuccessful()).as("deleteRoom: %s", deleted).isTrue();
            SwitchboardEvent finished = awaitEvent(events, "livekit.room_finished");
            assertThat(finished.data().path("room").path("name").asText()).isEqualTo("webhook-it");
            assertThat(finished.data().path("id").asText()).startsWith("EV_");
        }
        assertThat(events).extracting(SwitchboardEvent::type)
                .as("each event is dispatched once").doesNotHaveDuplicates();
    }

    private static SwitchboardEvent awaitEvent(List<SwitchboardEvent> events, String type)
            throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            for (SwitchboardEvent e : events) {
                if (e.type().equals(type) && e.data().path("room").path("name").asText().equals("webhook-it")) {
                    return e;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + type + " webhook within 30 s; got " + events.stream()
                .map(SwitchboardEvent::type).toList());
    }
}
