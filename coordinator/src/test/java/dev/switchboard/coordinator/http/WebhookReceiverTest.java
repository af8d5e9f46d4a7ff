package dev.switchboard.coordinator.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.switchboard.coordinator.workflow.WorkflowResult;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.Secret;
import dev.switchboard.spi.SwitchboardEvent;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class WebhookReceiverTest {

    static final String KEY = "APIwebhookKey";
    static final String SECRET = "webhook-secret-value-that-must-never-leak";
    static final String OLD_KEY = "APIoldKey";
    static final String OLD_SECRET = "old-secret-value-that-must-never-leak-either";

    @TempDir
    Path state;

    private final TestClock clock = new TestClock();
    private final TestSwitchboard switchboard = new TestSwitchboard()
            .workflow("session-cleanup", (inputs, caller) -> new WorkflowResult.Completed("wf-9", Json.object()));
    private final List<SwitchboardEvent> events = new CopyOnWriteArrayList<>();
    private final List<HttpApi> started = new ArrayList<>();

    private ApiClient start() {
        HttpApi api = HttpApi.start(switchboard, HttpSettings.builder().port(0).maxRequestBytes(4096).time(clock)
                .webhooks(WebhookSettings.builder()
                        .key(KEY, Secret.of("${LIVEKIT_API_SECRET}", SECRET))
                        .key(OLD_KEY, Secret.of("${LIVEKIT_OLD_SECRET}", OLD_SECRET))
                        .stateDirectory(state)
                        .trigger("room_finished", "session-cleanup")
                        .eventSink(events::add)
                        .build())
                .build());
        started.add(api);
        return new ApiClient(api);
    }

    @AfterEach
    void stop() {
        started.forEach(HttpApi::close);
    }

    private HttpResponse<String> send(ApiClient client, byte[] body, String token) {
        return client.post("/webhooks/livekit", body, "Authorization", token,
                "Content-Type", "application/webhook+json");
    }

    private HttpResponse<String> sendSigned(ApiClient client, byte[] body) {
        return send(client, body, LiveKitSigner.sign(body, KEY, SECRET, clock.now()));
    }

    static String reason(HttpResponse<String> r) {
        return ApiClient.json(r).path("error").path("message").asText();
    }

    @Test
    void aGenuineWebhookIsAcceptedPublishedAndTriggersItsWorkflow() throws InterruptedException {
        ApiClient client = start();
        byte[] body = LiveKitSigner.event("EV_finished1", "room_finished", "lobby");
        HttpResponse<String> r = sendSigned(client, body);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(r).path("status").asText()).isEqualTo("accepted");
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().type()).isEqualTo("livekit.room_finished");
        assertThat(events.getFirst().data().path("room").path("name").asText()).isEqualTo("lobby");
        for (int i = 0; i < 100 && switchboard.workflowRuns.isEmpty(); i++) {
            Thread.sleep(20);
        }
        assertThat(switchboard.workflowRuns).containsExactly("session-cleanup");
        assertThat(switchboard.workflowInputs.getFirst().path("id").asText()).isEqualTo("EV_finished1");
        assertThat(switchboard.workflowCallers.getFirst().principal()).isEqualTo("webhook:livekit");
    }

    @Test
    void eventsWithoutATriggerAreOnlyPublished() {
        ApiClient client = start();
        assertThat(sendSigned(client, LiveKitSigner.event("EV_started1", "room_started", "a")).statusCode())
                .isEqualTo(200);
        assertThat(events).extracting(SwitchboardEvent::type).containsExactly("livekit.room_started");
        assertThat(switchboard.workflowRuns).isEmpty();
    }

    @Test
    void aRotatedKeyPairIsAcceptedToo() {
        ApiClient client = start();
        byte[] body = LiveKitSigner.event("EV_old1", "room_started", "a");
        assertThat(send(client, body, LiveKitSigner.sign(body, OLD_KEY, OLD_SECRET, clock.now())).statusCode())
                .isEqualTo(200);
    }

    @Test
    void missingAuthorizationIs401() {
        ApiClient client = start();
        HttpResponse<String> r = client.post("/webhooks/livekit", LiveKitSigner.event("EV_1", "room_started", "a"));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(reason(r)).contains("missing Authorization");
        assertThat(events).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherSecretIs401() {
        ApiClient client = start();
        byte[] body = LiveKitSigner.event("EV_forged", "room_started", "a");
        HttpResponse<String> r = send(client, body, LiveKitSigner.sign(body, KEY, "guessed-secret", clock.now()));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(reason(r)).contains("signature invalid");
        HttpResponse<String> unknown = send(client, body, LiveKitSigner.sign(body, "APIother", SECRET, clock.now()));
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(reason(unknown)).contains("unknown API key 'APIother'");
        assertThat(send(client, body, "not-a-jwt").statusCode()).isEqualTo(401);
        assertThat(events).isEmpty();
    }

    @Test
    void aTamperedBodyIs401BodyHashMismatch() {
        ApiClient client = start();
        byte[] signed = LiveKitSigner.event("EV_tamper", "room_started", "lobby");
        byte[] tampered = LiveKitSigner.event("EV_tamper", "room_started", "lobbz");
        HttpResponse<String> r = send(client, tampered, LiveKitSigner.sign(signed, KEY, SECRET, clock.now()));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(reason(r)).contains("body hash mismatch");
        assertThat(events).isEmpty();
    }

    @Test
    void anExpiredTokenIs401Expired() {
        ApiClient client = start();
        byte[] body = LiveKitSigner.event("EV_old", "room_started", "a");
        String token = LiveKitSigner.sign(body, KEY, SECRET, clock.now());
        clock.advance(Duration.ofMinutes(6));
        HttpResponse<String> r = send(client, body, token);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(reason(r)).contains("expired");
    }

    @Test
    void oversizedWebhooksAre413() {
        ApiClient client = start();
        byte[] body = ("{\"event\":\"room_started\",\"id\":\"EV_big\",\"pad\":\"" + "x".repeat(5000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = sendSigned(client, body);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(events).isEmpty();
    }

    @Test
    void malformedEventsWithAValidSignatureAre400() {
        ApiClient client = start();
        byte[] broken = "{\"event\": \"room_started\", \"id\": ".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = sendSigned(client, broken);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(reason(r)).contains("malformed webhook event").contains("line 1");
        HttpResponse<String> noId = sendSigned(client,
                "{\"event\": \"room_started\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(noId).path("error").path("violations").get(0).path("path").asText())
                .isEqualTo("$.id");
        assertThat(events).isEmpty();
    }

    @Test
    void duplicatesAreAcknowledgedButDispatchedOnce() {
        ApiClient client = start();
        byte[] body = LiveKitSigner.event("EV_dup", "participant_joined", "a");
        assertThat(ApiClient.json(sendSigned(client, body)).path("status").asText()).isEqualTo("accepted");
        HttpResponse<String> again = sendSigned(client, body);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(again).path("status").asText()).isEqualTo("duplicate");
        assertThat(events).hasSize(1);
    }

    @Test
    void deduplicationSurvivesARestartAndForgetsAfterTheWindow() {
        ApiClient first = start();
        byte[] body = LiveKitSigner.event("EV_restart", "room_finished", "a");
        assertThat(ApiClient.json(sendSigned(first, body)).path("status").asText()).isEqualTo("accepted");
        started.removeFirst().close();

        ApiClient second = start();
        assertThat(ApiClient.json(sendSigned(second, body)).path("status").asText()).isEqualTo("duplicate");
        assertThat(events).hasSize(1);
        started.removeFirst().close();

        clock.advance(Duration.ofHours(25));
        ApiClient third = start();
        assertThat(ApiClient.json(sendSigned(third, body)).path("status").asText()).isEqualTo("accepted");
    }

    @Test
    void noSecretReachesTheLogOrAnyAnswer() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ch.qos.logback.classic.Level level = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        root.addAppender(appender);
        List<String> answers = new ArrayList<>();
        try {
            ApiClient client = start();
            byte[] body = LiveKitSigner.event("EV_s1", "room_started", "a");
            answers.add(sendSigned(client, body).body());
            answers.add(send(client, body, LiveKitSigner.sign(body, KEY, "wrong", clock.now())).body());
            answers.add(send(client, LiveKitSigner.event("EV_s2", "room_started", "b"),
                    LiveKitSigner.sign(body, KEY, SECRET, clock.now())).body());
            answers.add(client.post("/webhooks/livekit", body).body());
        } finally {
            root.detachAppender(appender);
            root.setLevel(level);
        }
        assertThat(appender.list).isNotEmpty();
        for (ILoggingEvent event : appender.list) {
            assertThat(event.getFormattedMessage()).doesNotContain(SECRET).doesNotContain(OLD_SECRET);
        }
        assertThat(answers).allSatisfy(a -> assertThat(a).doesNotContain(SECRET).doesNotContain(OLD_SECRET));
    }

    @Test
    void webhooksAre404WhenNoKeyIsConfigured() {
        HttpApi api = HttpApi.start(switchboard, HttpSettings.builder().port(0).build());
        started.add(api);
        assertThat(new ApiClient(api).post("/webhooks/livekit", "{}").statusCode()).isEqualTo(404);
    }
}
