package dev.switchboard.coordinator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.spi.Secret;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookForwardTest {

    private static final String FORWARD_SECRET = "forward-signing-secret-0123456789";

    @TempDir
    Path state;

    private final TestClock clock = new TestClock();
    private HttpApiServer api;
    private ForwardReceiver receiver;

    private ApiClient start(int failures, int attempts, Duration backoff, Set<String> events) {
        receiver = new ForwardReceiver(failures);
        api = (HttpApiServer) HttpApi.start(new TestSwitchboard(), HttpSettings.builder().port(0).time(clock)
                .webhooks(WebhookSettings.builder()
                        .key(WebhookReceiverTest.KEY, Secret.of("${S}", WebhookReceiverTest.SECRET))
                        .stateDirectory(state)
                        .forward(new WebhookForward("crm", receiver.url(), Secret.of("${FWD}", FORWARD_SECRET),
                                events))
                        .forwardAttempts(attempts)
                        .forwardBackoff(backoff)
                        .forwardMaxBackoff(Duration.ofSeconds(30))
                        .build())
                .build());
        return new ApiClient(api);
    }

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    private void post(ApiClient client, byte[] body) {
        assertThat(client.post("/webhooks/livekit", body, "Authorization", LiveKitSigner.sign(body,
                WebhookReceiverTest.KEY, WebhookReceiverTest.SECRET, clock.now())).statusCode()).isEqualTo(200);
    }

    @Test
    void retriesWithBackoffUntilTheReceiverTakesItSignedWithHmac() throws Exception {
        ApiClient client = start(2, 5, Duration.ofMillis(50), Set.of());
        byte[] body = LiveKitSigner.event("EV_fwd1", "room_finished", "lobby");
        post(client, body);
        await(() -> receiver.succeeded() == 1);
        assertThat(receiver.deliveries).extracting(ForwardReceiver.Delivery::status).containsExactly(500, 500, 200);
        ForwardReceiver.Delivery ok = receiver.deliveries.getLast();
        assertThat(ok.body()).isEqualTo(body);
        assertThat(ok.headers()).containsEntry("event", "room_finished").containsEntry("eventId", "EV_fwd1");
        String signature = ok.headers().get("signature");
        assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
        String t = signature.substring(2, signature.indexOf(','));
        assertThat(signature).endsWith("v1=" + hmac(t + ".", body));
        assertThat(parked()).isEmpty();
    }

    @Test
    void parksTheEventAfterTheLastFailedAttempt() throws Exception {
        ApiClient client = start(100, 3, Duration.ofMillis(20), Set.of());
        post(client, LiveKitSigner.event("EV_fwd2", "room_finished", "lobby"));
        await(() -> !parkedQuietly().isEmpty());
        assertThat(receiver.deliveries).hasSize(3);
        JsonNode entry = parked().getFirst();
        assertThat(entry.path("forward").asText()).isEqualTo("crm");
        assertThat(entry.path("eventId").asText()).isEqualTo("EV_fwd2");
        assertThat(entry.path("attempts").asInt()).isEqualTo(3);
        assertThat(entry.path("lastError").asText()).isEqualTo("HTTP 500");
        assertThat(entry.path("event").path("room").path("name").asText()).isEqualTo("lobby");
        assertThat(entry.toString()).doesNotContain(FORWARD_SECRET);
    }

    @Test
    void closingParksDeliveriesStillWaitingForARetry() throws Exception {
        ApiClient client = start(100, 5, Duration.ofSeconds(30), Set.of());
        post(client, LiveKitSigner.event("EV_fwd3", "room_finished", "lobby"));
        await(() -> receiver.deliveries.size() == 1);
        api.close();
        List<JsonNode> parked = parked();
        assertThat(parked).hasSize(1);
        assertThat(parked.getFirst().path("lastError").asText()).contains("shutdown");
    }

    @Test
    void forwardsOnlyTheEventsTheyAskFor() throws Exception {
        ApiClient client = start(0, 1, Duration.ofMillis(20), Set.of("room_finished"));
        post(client, LiveKitSigner.event("EV_fwd4", "participant_joined", "lobby"));
        post(client, LiveKitSigner.event("EV_fwd5", "room_finished", "lobby"));
        await(() -> receiver.succeeded() == 1);
        await(() -> api.webhooks().orElseThrow().forwardsInFlight() == 0);
        assertThat(receiver.deliveries).extracting(d -> d.headers().get("eventId")).containsExactly("EV_fwd5");
    }

    private List<JsonNode> parked() throws IOException {
        return new ParkedForwards(state.resolve("parked-forwards.jsonl")).list();
    }

    private List<JsonNode> parkedQuietly() {
        try {
            return parked();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String hmac(String prefix, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(FORWARD_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(prefix.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
