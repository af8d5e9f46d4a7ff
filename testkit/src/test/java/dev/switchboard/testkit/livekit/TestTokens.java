package dev.switchboard.testkit.livekit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Minimal HS256 LiveKit access tokens for the launcher's own tests (the SDK is not a testkit dependency). */
final class TestTokens {

    private TestTokens() {
    }

    /** A token for {@code key} with a video grant {@code {"roomList":true,"roomCreate":true}}. */
    static String admin(String key, String secret) {
        ObjectNode claims = Json.object();
        claims.put("iss", key);
        claims.put("sub", "testkit-admin");
        claims.put("nbf", Instant.now().getEpochSecond() - 10);
        claims.put("exp", Instant.now().getEpochSecond() + 600);
        claims.putObject("video").put("roomList", true).put("roomCreate", true).put("roomAdmin", true);
        return sign(claims, secret);
    }

    static String sign(ObjectNode claims, String secret) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal((header + "." + body).getBytes(StandardCharsets.UTF_8));
            return header + "." + body + "." + b64.encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
