package dev.switchboard.specialist.auth;

import static dev.switchboard.specialist.auth.Tokens.failure;
import static dev.switchboard.specialist.auth.Tokens.payload;
import static dev.switchboard.specialist.auth.Tokens.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.Secret;
import dev.switchboard.testkit.livekit.LiveKitServer;
import dev.switchboard.testkit.livekit.LiveKitServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tokens from the auth specialist against a real livekit-server: accepted when they should be, refused otherwise. */
class AuthOnLiveKitTest {

    private static final String OLD_SECRET = "rotated-out-secret-0123456789-abcdefgh";

    @RegisterExtension
    static final LiveKitServerExtension LIVEKIT = LiveKitServerExtension.with(
            LiveKitServer.builder().additionalKey("APIold", Secret.of("test:old", OLD_SECRET)));

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** An auth specialist for the server's keys (current first, then the old one), at clock {@code now}. */
    private static Auth auth(String keysJson, Instant now) {
        LiveKitServer lk = LIVEKIT.server();
        Map<String, String> env = new HashMap<>();
        env.put("LK_SECRET", lk.apiSecret().reveal());
        env.put("OLD", OLD_SECRET);
        env.put("STRANGER", "a-secret-the-server-has-never-seen-000");
        TestContext ctx = new TestContext("{\"keys\":" + keysJson + ",\"ttl\":{\"min\":\"1s\"}}", env, now);
        AuthSpecialist auth = new AuthSpecialist();
        auth.start(ctx);
        return new Auth(auth, ctx);
    }

    private static Auth auth() {
        return auth("[{\"key\":\"" + LIVEKIT.server().apiKey() + "\",\"secret\":\"${LK_SECRET}\"},"
                + "{\"key\":\"APIold\",\"secret\":\"${OLD}\"}]", Instant.now());
    }

    private record Auth(AuthSpecialist specialist, TestContext ctx) {
        String mint(String params) {
            return payload(run(specialist, ctx, "token.mint", params)).path("token").asText();
        }
    }

    private static HttpResponse<String> validate(String token) throws Exception {
        URI uri = LIVEKIT.server().httpUrl().resolve("/rtc/validate?access_token=" + token);
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> twirp(String service, String method, String token, String body)
            throws Exception {
        URI uri = LIVEKIT.server().httpUrl().resolve("/twirp/livekit." + service + "/" + method);
        return HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyBuiltInPresetMintsAJoinTokenTheServerAccepts() throws Exception {
        Auth auth = auth();
        for (String preset : List.of("viewer", "speaker", "moderator", "agent", "recorder")) {
            String token = auth.mint("{\"identity\":\"p-" + preset + "\",\"room\":\"lobby\",\"preset\":\""
                    + preset + "\"}");
            HttpResponse<String> r = validate(token);
            assertThat(r.statusCode()).as(preset + ": " + r.body()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("success");
        }
    }

    @Test
    void tokenFromTheRotatedOutKeyIsStillAcceptedByServerAndVerify() throws Exception {
        Auth before = auth("[{\"key\":\"APIold\",\"secret\":\"${OLD}\"}]", Instant.now());
        String token = before.mint("{\"identity\":\"legacy\",\"room\":\"lobby\",\"preset\":\"viewer\"}");

        assertThat(validate(token).statusCode()).isEqualTo(200);
        Auth now = auth();
        JsonNode verified = payload(run(now.specialist(), now.ctx(), "token.verify", "{\"token\":\"" + token + "\"}"));
        assertThat(verified.path("key").asText()).isEqualTo("APIold");
    }

    @Test
    void unknownKeyIsRefusedByServerAndNamedByVerify() throws Exception {
        Auth stranger = auth("[{\"key\":\"APIstranger\",\"secret\":\"${STRANGER}\"}]", Instant.now());
        String token = stranger.mint("{\"identity\":\"x\",\"room\":\"lobby\",\"preset\":\"speaker\"}");

        assertThat(validate(token).statusCode()).isEqualTo(401);
        Auth auth = auth();
        assertThat(failure(run(auth.specialist(), auth.ctx(), "token.verify", "{\"token\":\"" + token + "\"}"))
                .message()).contains("API key 'APIstranger', which is not configured here");
    }

    @Test
    void forgedTokenIsRefusedByServerAndByVerify() throws Exception {
        Auth auth = auth();
        String token = Tokens.tamperSignature(
                auth.mint("{\"identity\":\"x\",\"room\":\"lobby\",\"preset\":\"viewer\"}"));

        assertThat(validate(token).statusCode()).isEqualTo(401);
        assertThat(failure(run(auth.specialist(), auth.ctx(), "token.verify", "{\"token\":\"" + token + "\"}"))
                .code()).isEqualTo("token_signature_invalid");
    }

    @Test
    void expiredTokenIsRefusedByServerAndExplainedByInspect() throws Exception {
        Auth past = auth("[{\"key\":\"" + LIVEKIT.server().apiKey() + "\",\"secret\":\"${LK_SECRET}\"}]",
                Instant.now().minus(Duration.ofHours(3)));
        String token = past.mint("{\"identity\":\"x\",\"room\":\"lobby\",\"preset\":\"viewer\",\"ttl\":\"1h\"}");

        assertThat(validate(token).statusCode()).isEqualTo(401);
        Auth auth = auth();
        JsonNode inspected = payload(run(auth.specialist(), auth.ctx(), "token.inspect", "{\"token\":\"" + token
                + "\"}"));
        assertThat(inspected.path("verdict").asText()).isEqualTo("expired");
        assertThat(inspected.path("reason").asText()).matches("the token expired at .*, 2 h( \\d+ min)? ago .*");
    }

    @Test
    void grantsAreEnforcedByTheServerApi() throws Exception {
        Auth auth = auth();
        String admin = auth.mint("{\"grants\":{\"room-create\":true,\"room-list\":true},\"ttl\":\"5m\"}");
        String viewer = auth.mint("{\"identity\":\"v\",\"room\":\"lobby\",\"preset\":\"viewer\"}");

        assertThat(twirp("RoomService", "CreateRoom", admin, "{\"name\":\"granted\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> listed = twirp("RoomService", "ListRooms", admin, "{}");
        assertThat(listed.body()).contains("\"granted\"");
        assertThat(twirp("RoomService", "ListRooms", viewer, "{}").statusCode()).isIn(401, 403);
    }

    @Test
    void roomConfigurationInTheTokenShapesTheRoomTheJoinCreates() throws Exception {
        Auth auth = auth();
        String join = auth.mint("""
                {"identity":"caller","room":"support-42","preset":"speaker","room-config":{
                  "max-participants":3,"empty-timeout":77,
                  "agents":[{"agent-name":"support-bot","metadata":"{\\"lang\\":\\"en\\"}"}]}}""");
        String admin = auth.mint("{\"grants\":{\"room-list\":true,\"room-admin\":true},\"room\":\"support-42\","
                + "\"identity\":\"ops\",\"ttl\":\"5m\"}");

        URI ws = LIVEKIT.server().wsUrl().resolve("/rtc?access_token=" + join);
        WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(ws, new WebSocket.Listener() { })
                .get(10, TimeUnit.SECONDS);
        try {
            JsonNode room = awaitRoom(admin, "support-42");
            assertThat(room.path("max_participants").asInt()).isEqualTo(3);
            assertThat(room.path("empty_timeout").asInt()).isEqualTo(77);
            HttpResponse<String> dispatches = twirp("AgentDispatchService", "ListDispatch", admin,
                    "{\"room\":\"support-42\"}");
            assertThat(dispatches.statusCode()).as(dispatches.body()).isEqualTo(200);
            assertThat(dispatches.body()).contains("\"agent_name\":\"support-bot\"");
        } finally {
            socket.abort();
        }
    }

    private static JsonNode awaitRoom(String admin, String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode rooms = Json.mapper().readTree(twirp("RoomService", "ListRooms", admin,
                    "{\"names\":[\"" + name + "\"]}").body()).path("rooms");
            if (rooms.size() == 1) {
                return rooms.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("room " + name + " was not created by the join");
    }
}
