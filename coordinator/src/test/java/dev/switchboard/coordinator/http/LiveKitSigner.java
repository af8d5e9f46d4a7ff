package dev.switchboard.coordinator.http;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Signs webhook bodies the way livekit-server does: an HS256 access token issued by the API key,
 * valid for five minutes, whose {@code sha256} claim is the standard base64 SHA-256 of the body.
 */
final class LiveKitSigner {

    private LiveKitSigner() {
    }

    static String sign(byte[] body, String apiKey, String secret, Instant now) {
        return sign(body, apiKey, secret, now, Duration.ofMinutes(5));
    }

    static String sign(byte[] body, String apiKey, String secret, Instant now, Duration validFor) {
        return JWT.create()
                .withIssuer(apiKey)
                .withNotBefore(now.minusSeconds(1))
                .withExpiresAt(now.plus(validFor))
                .withClaim("sha256", sha256(body))
                .withClaim("video", Map.of())
                .sign(Algorithm.HMAC256(secret));
    }

    static String sha256(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] event(String id, String event, String room) {
        return ("{\"event\":\"" + event + "\",\"room\":{\"sid\":\"RM_x\",\"name\":\"" + room + "\"},"
                + "\"id\":\"" + id + "\",\"createdAt\":\"1763712000\"}").getBytes(StandardCharsets.UTF_8);
    }
}
