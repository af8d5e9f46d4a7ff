package dev.switchboard.specialist.auth;

import static dev.switchboard.specialist.auth.Tokens.claims;
import static dev.switchboard.specialist.auth.Tokens.failure;
import static dev.switchboard.specialist.auth.Tokens.payload;
import static dev.switchboard.specialist.auth.Tokens.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.OperationResult;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenMintTest {

    static final String SECRET = "mint-test-secret-0123456789-abcdefghij";
    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    static final String CONFIG = """
            {"keys":[{"key":"APIcurrent","secret":"${AUTH_SECRET}"}],
             "ttl":{"min":"1m","default":"2h","max":"1d"},
             "presets":{"podium":{"description":"speaks only","room-join":true,"can-publish":true,
               "can-publish-sources":["microphone"],"can-subscribe":false}}}""";

    private final AuthSpecialist auth = new AuthSpecialist();
    private TestContext ctx;

    @BeforeEach
    void start() {
        ctx = new TestContext(CONFIG, Map.of("AUTH_SECRET", SECRET), NOW);
        auth.start(ctx);
    }

    @Test
    void speakerTokenCarriesEveryParticipantGrantExplicitly() throws Exception {
        ObjectNode out = payload(run(auth, ctx, "token.mint", """
                {"identity":"alice","room":"standup","preset":"speaker","name":"Alice",
                 "metadata":"{\\"team\\":\\"blue\\"}","attributes":{"role":"host"}}"""));

        JsonNode c = claims(out.path("token").asText());
        assertThat(c.path("iss").asText()).isEqualTo("APIcurrent");
        assertThat(c.path("sub").asText()).isEqualTo("alice");
        assertThat(c.path("name").asText()).isEqualTo("Alice");
        assertThat(c.path("metadata").asText()).isEqualTo("{\"team\":\"blue\"}");
        assertThat(c.path("attributes").path("role").asText()).isEqualTo("host");
        assertThat(c.path("nbf").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(c.path("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 7200);
        JsonNode video = c.path("video");
        assertThat(video.path("room").asText()).isEqualTo("standup");
        assertThat(video.path("roomJoin").asBoolean()).isTrue();
        assertThat(video.path("canPublish").asBoolean()).isTrue();
        assertThat(video.path("canSubscribe").asBoolean()).isTrue();
        assertThat(video.path("canPublishData").asBoolean()).isTrue();
        assertThat(video.path("hidden").isBoolean()).isTrue();
        assertThat(video.path("hidden").asBoolean()).isFalse();
        assertThat(video.path("roomAdmin").isMissingNode()).isTrue();

        assertThat(out.path("key").asText()).isEqualTo("APIcurrent");
        assertThat(out.path("expires-at").asText()).isEqualTo("2026-11-21T12:00:00Z");
        assertThat(out.path("ttl-seconds").asLong()).isEqualTo(7200);
        assertThat(out.path("grants").path("can-publish").asBoolean()).isTrue();
        assertThat(out.toString()).doesNotContain(SECRET);
    }

    @Test
    void configuredPresetAndRequestOverridesCombine() throws Exception {
        ObjectNode out = payload(run(auth, ctx, "token.mint", """
                {"identity":"bob","room":"r","preset":"podium","ttl":"30m","grants":{"can-publish-data":true}}"""));
        JsonNode video = claims(out.path("token").asText()).path("video");
        assertThat(video.path("canPublishSources").get(0).asText()).isEqualTo("microphone");
        assertThat(video.path("canSubscribe").asBoolean()).isFalse();
        assertThat(video.path("canPublishData").asBoolean()).isTrue();
        assertThat(out.path("ttl-seconds").asLong()).isEqualTo(1800);
    }

    @Test
    void serverApiTokenNeedsNoIdentityOrRoom() throws Exception {
        ObjectNode out = payload(run(auth, ctx, "token.mint", """
                {"grants":{"room-create":true,"room-list":true},"ttl":120}"""));
        JsonNode c = claims(out.path("token").asText());
        assertThat(c.path("sub").isMissingNode()).isTrue();
        assertThat(c.path("video").path("roomList").asBoolean()).isTrue();
    }

    @Test
    void roomConfigurationWithAgentDispatchGoesIntoTheToken() throws Exception {
        ObjectNode out = payload(run(auth, ctx, "token.mint", """
                {"identity":"u","room":"support-42","preset":"speaker","room-config":{
                  "empty-timeout":120,"max-participants":3,
                  "agents":[{"agent-name":"support-bot","metadata":"{\\"lang\\":\\"en\\"}"}]}}"""));
        JsonNode cfg = claims(out.path("token").asText()).path("roomConfig");
        assertThat(cfg.path("name").asText()).isEqualTo("support-42");
        // the Kotlin SDK writes proto field names; livekit-server reads them with protojson (see AuthOnLiveKitTest)
        assertThat(cfg.path("empty_timeout").asInt()).isEqualTo(120);
        assertThat(cfg.path("max_participants").asInt()).isEqualTo(3);
        assertThat(cfg.path("agents").get(0).path("agent_name").asText()).isEqualTo("support-bot");
    }

    @Test
    void badRequestsGetThePathAndTheRule() {
        assertInvalid("{\"identity\":\"a\",\"room\":\"r\",\"preset\":\"boss\"}", "$.preset",
                "names no preset: 'boss'; presets: agent, moderator, podium, recorder, speaker, viewer");
        assertInvalid("{\"identity\":\"a\",\"room\":\"r\"}", "$.preset", "is required unless 'grants' are given");
        assertInvalid("{\"room\":\"r\",\"preset\":\"viewer\"}", "$.identity",
                "is required for a token that joins a room");
        assertInvalid("{\"identity\":\"a\",\"preset\":\"viewer\"}", "$.room", "is required");
        assertInvalid("{\"identity\":\"a\",\"room\":\"r\",\"preset\":\"viewer\",\"ttl\":\"2d\"}", "$.ttl",
                "2 d is longer than the maximum 1 d (specialists.auth.ttl.max)");
        assertInvalid("{\"identity\":\"a\",\"room\":\"r\",\"preset\":\"viewer\",\"ttl\":\"10s\"}", "$.ttl",
                "10 s is shorter than the minimum 1 min (specialists.auth.ttl.min)");
        assertInvalid("{\"identity\":\"a\",\"room\":\"r\",\"preset\":\"viewer\",\"ttl\":\"soon\"}", "$.ttl",
                "must be seconds or a number with s, m, h or d");
        assertInvalid("{\"identity\":\"a\",\"room\":\"r\",\"preset\":\"viewer\",\"grants\":{\"can-fly\":true}}",
                "$.grants.can-fly", "is not a grant");
        assertInvalid("{\"identity\":\"a\",\"room\":\"r\",\"preset\":\"viewer\",\"room-config\":{\"colour\":1}}",
                "$.room-config.colour", "is not a room setting");
        assertInvalid("{\"identity\":\"a\",\"room\":\"r\",\"preset\":\"viewer\",\"room-config\":{\"agents\":[{}]}}",
                "$.room-config.agents[0].agent-name", "is required");
        assertInvalid("{\"identity\":\"a\",\"room\":\"r\",\"preset\":\"viewer\",\"attributes\":{\"n\":1}}",
                "$.attributes.n", "must be a string");
    }

    private void assertInvalid(String params, String path, String message) {
        OperationResult.Failure f = failure(run(auth, ctx, "token.mint", params));
        assertThat(f.code()).isEqualTo(FailureCode.INVALID_REQUEST);
        assertThat(f.violations()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo(path);
            assertThat(v.message()).contains(message);
        });
    }

    @Test
    void logsNameTheKeyNeverTheSecret() {
        assertThat(ctx.logLines).anySatisfy(l -> assertThat(l).contains("APIcurrent"));
        assertThat(String.join("\n", ctx.logLines)).doesNotContain(SECRET);
    }

    @Test
    void descriptorsDeclareSchemasAndMarkTheTokenSecret() {
        assertThat(auth.operations()).extracting(d -> d.name())
                .containsExactly("token.mint", "token.inspect", "token.verify");
        assertThat(AuthDescriptors.MINT.inputSchema().path("properties").path("grants").path("properties")
                .has("can-publish")).isTrue();
        assertThat(AuthDescriptors.MINT.outputSchema().path("properties").path("token").path("x-secret")
                .asBoolean()).isTrue();
        assertThat(AuthDescriptors.VERIFY.inputSchema().path("required").get(0).asText()).isEqualTo("token");
    }
}
