package dev.switchboard.specialist.auth;

import static dev.switchboard.specialist.auth.Tokens.failure;
import static dev.switchboard.specialist.auth.Tokens.payload;
import static dev.switchboard.specialist.auth.Tokens.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.OperationResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenInspectTest {

    private static final String OLD_SECRET = "old-secret-kept-for-rotation-0123456789";
    private static final Map<String, String> ENV = Map.of("AUTH_SECRET", TokenMintTest.SECRET, "OLD", OLD_SECRET);

    private final AuthSpecialist auth = new AuthSpecialist();
    private TestContext ctx;

    @BeforeEach
    void start() {
        ctx = new TestContext("""
                {"keys":[{"key":"APIcurrent","secret":"${AUTH_SECRET}"},{"key":"APIold","secret":"${OLD}"}]}""",
                ENV, TokenMintTest.NOW);
        auth.start(ctx);
    }

    private String mint(String params) {
        return payload(run(auth, ctx, "token.mint", params)).path("token").asText();
    }

    private ObjectNode inspect(String token) {
        return payload(run(auth, ctx, "token.inspect", "{\"token\":\"" + token + "\"}"));
    }

    @Test
    void explainsAValidTokenInPlainWords() {
        String token = mint("""
                {"identity":"alice","room":"standup","preset":"viewer","name":"Alice","ttl":"90m",
                 "attributes":{"team":"blue"},"room-config":{"max-participants":5,"agents":[{"agent-name":"bot"}]}}""");
        ctx.advance(Duration.ofMinutes(30));

        ObjectNode out = inspect(token);

        assertThat(out.path("valid").asBoolean()).isTrue();
        assertThat(out.path("verdict").asText()).isEqualTo("valid");
        assertThat(out.path("identity").asText()).isEqualTo("alice");
        assertThat(out.path("room").asText()).isEqualTo("standup");
        assertThat(out.path("expires-in-seconds").asLong()).isEqualTo(3600);
        assertThat(out.path("signed-with-current-key").asBoolean()).isTrue();
        assertThat(out.path("grants").path("can-publish").asBoolean()).isFalse();
        assertThat(out.path("explanation")).extracting(n -> n.asText()).containsSubsequence(
                "VALID: the token is valid: signed with API key 'APIcurrent' (the current signing key).",
                "Expires at 2026-11-21T11:30:00Z, in 1 h.",
                "Participant 'alice' (display name 'Alice') in room 'standup'.",
                "- may join the room",
                "- may not publish tracks",
                "- may subscribe to (hear and see) other participants' tracks",
                "- may not send data messages",
                "Attributes: team.",
                "If its room does not exist yet, joining creates it with: at most 5 participants; "
                        + "agents dispatched on creation: 'bot'.");
        assertThat(out.toString()).doesNotContain(TokenMintTest.SECRET).doesNotContain(token);
    }

    @Test
    void expiredTokenSaysWhenAndHowLongAgo() {
        String token = mint("{\"identity\":\"a\",\"room\":\"r\",\"preset\":\"speaker\",\"ttl\":\"10m\"}");
        ctx.advance(Duration.ofMinutes(15));

        ObjectNode out = inspect(token);
        assertThat(out.path("valid").asBoolean()).isFalse();
        assertThat(out.path("verdict").asText()).isEqualTo("expired");
        assertThat(out.path("reason").asText()).isEqualTo("the token expired at 2026-11-21T10:10:00Z, 5 min ago "
                + "(LiveKit allows 1 min of clock skew)");
        assertThat(out.path("expires-in-seconds").asLong()).isEqualTo(-300);

        OperationResult.Failure f = failure(run(auth, ctx, "token.verify", "{\"token\":\"" + token + "\"}"));
        assertThat(f.code()).isEqualTo("token_expired");
        assertThat(f.violations()).singleElement().satisfies(v -> assertThat(v.path()).isEqualTo("$.token"));
    }

    @Test
    void withinTheServersLeewayATokenIsStillValid() {
        String token = mint("{\"identity\":\"a\",\"room\":\"r\",\"preset\":\"speaker\",\"ttl\":\"10m\"}");
        ctx.advance(Duration.ofSeconds(10 * 60 + 30));
        assertThat(inspect(token).path("valid").asBoolean()).isTrue();
    }

    @Test
    void forgedSignatureIsASignatureMismatch() {
        String token = Tokens.tamperSignature(mint("{\"identity\":\"a\",\"room\":\"r\",\"preset\":\"speaker\"}"));
        ObjectNode out = inspect(token);
        assertThat(out.path("verdict").asText()).isEqualTo("signature-mismatch");
        assertThat(out.path("reason").asText()).contains("does not match the secret of API key 'APIcurrent'");
        assertThat(failure(run(auth, ctx, "token.verify", "{\"token\":\"" + token + "\"}")).code())
                .isEqualTo("token_signature_invalid");
    }

    @Test
    void alteredClaimsAreASignatureMismatchToo() {
        String token = mint("{\"identity\":\"a\",\"room\":\"r\",\"preset\":\"viewer\"}");
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"canPublish\":false", "\"canPublish\":true");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(inspect(forged).path("verdict").asText()).isEqualTo("signature-mismatch");
    }

    @Test
    void tokenForAnotherKeyNamesTheKeyAndTheConfiguredOnes() {
        TestContext other = new TestContext("{\"keys\":[{\"key\":\"APIstranger\",\"secret\":\"${AUTH_SECRET}\"}]}",
                ENV, TokenMintTest.NOW);
        AuthSpecialist stranger = new AuthSpecialist();
        stranger.start(other);
        String token = payload(run(stranger, other, "token.mint", "{\"identity\":\"a\",\"room\":\"r\","
                + "\"preset\":\"viewer\"}")).path("token").asText();

        ObjectNode out = inspect(token);
        assertThat(out.path("verdict").asText()).isEqualTo("unknown-key");
        assertThat(out.path("reason").asText()).isEqualTo("the token was signed for API key 'APIstranger', which is "
                + "not configured here (configured: APIcurrent, APIold)");
        assertThat(failure(run(auth, ctx, "token.verify", "{\"token\":\"" + token + "\"}")).code())
                .isEqualTo("token_key_unknown");
    }

    @Test
    void rotatedOutKeyStillVerifiesAndSaysSo() {
        TestContext before = new TestContext("{\"keys\":[{\"key\":\"APIold\",\"secret\":\"${OLD}\"}]}", ENV,
                TokenMintTest.NOW);
        AuthSpecialist previous = new AuthSpecialist();
        previous.start(before);
        String token = payload(run(previous, before, "token.mint", "{\"identity\":\"a\",\"room\":\"r\","
                + "\"preset\":\"viewer\"}")).path("token").asText();

        ObjectNode out = payload(run(auth, ctx, "token.verify", "{\"token\":\"" + token + "\"}"));
        assertThat(out.path("valid").asBoolean()).isTrue();
        assertThat(out.path("key").asText()).isEqualTo("APIold");
        assertThat(inspect(token).path("reason").asText()).contains("an older key still accepted for rotation");
    }

    @Test
    void unsignedTokenIsRefused() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String none = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString("{\"iss\":\"APIcurrent\",\"exp\":9999999999}".getBytes(
                        StandardCharsets.UTF_8)) + ".";
        assertThat(inspect(none).path("reason").asText()).isEqualTo(
                "the token is signed with 'none'; LiveKit accepts only HS256");
        assertThat(failure(run(auth, ctx, "token.verify", "{\"token\":\"" + none + "\"}")).code())
                .isEqualTo("token_algorithm_unsupported");
    }

    @Test
    void malformedTokensAreInvalidRequestsThatDoNotEchoTheToken() {
        for (String bad : new String[] {"not-a-jwt", "a.b", "!!!.e30.x", "e30.bm90IGpzb24.x"}) {
            OperationResult.Failure f = failure(run(auth, ctx, "token.inspect", "{\"token\":\"" + bad + "\"}"));
            assertThat(f.code()).isEqualTo(FailureCode.INVALID_REQUEST);
            assertThat(f.violations()).singleElement().satisfies(v -> {
                assertThat(v.path()).isEqualTo("$.token");
                assertThat(v.message()).startsWith("'token' is not a JWT").doesNotContain(bad);
            });
        }
    }

    @Test
    void verifyChecksRoomIdentityAndRequiredGrants() {
        String token = mint("{\"identity\":\"alice\",\"room\":\"standup\",\"preset\":\"viewer\",\"token\":null}"
                .replace(",\"token\":null", ""));
        assertThat(payload(run(auth, ctx, "token.verify", "{\"token\":\"" + token + "\",\"room\":\"standup\","
                + "\"identity\":\"alice\",\"require-grants\":[\"room-join\",\"can-subscribe\"]}"))
                .path("valid").asBoolean()).isTrue();

        OperationResult.Failure f = failure(run(auth, ctx, "token.verify", "{\"token\":\"" + token + "\","
                + "\"room\":\"retro\",\"identity\":\"bob\",\"require-grants\":[\"can-publish\"]}"));
        assertThat(f.code()).isEqualTo("token_mismatch");
        assertThat(f.violations()).extracting(v -> v.path() + " " + v.message()).containsExactly(
                "$.room the token is for room 'standup', not 'retro'",
                "$.identity the token is for identity 'alice', not 'bob'",
                "$.require-grants[0] the token lacks the can-publish grant");
    }

    @Test
    void bearerPrefixIsAccepted() {
        String token = mint("{\"identity\":\"a\",\"room\":\"r\",\"preset\":\"viewer\"}");
        assertThat(inspect("Bearer " + token).path("valid").asBoolean()).isTrue();
    }
}
