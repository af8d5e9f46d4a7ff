package dev.switchboard.coordinator.http;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.switchboard.spi.Secret;
import dev.switchboard.spi.TimeSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Verifies LiveKit's webhook signature the way LiveKit's server SDKs do: the {@code Authorization}
 * header holds a JWT (HS256) issued by an API key and signed with its secret, whose {@code sha256}
 * claim is the standard base64 SHA-256 of the raw body. Rejections say why (missing, malformed,
 * unknown key, forged, expired, body hash mismatch) and never include a secret. Immutable, thread-safe.
 */
final class LiveKitWebhookVerifier {

    private final Map<String, JWTVerifier> verifiers = new HashMap<>();

    LiveKitWebhookVerifier(Map<String, Secret> keys, Duration clockSkew, TimeSource time) {
        TimeSourceClock clock = new TimeSourceClock(time);
        keys.forEach((apiKey, secret) -> verifiers.put(apiKey,
                ((JWTVerifier.BaseVerification) JWT.require(Algorithm.HMAC256(secret.reveal()))
                        .withIssuer(apiKey)
                        .acceptLeeway(clockSkew.toSeconds()))
                        .build(clock)));
    }

    /**
     * Verifies one webhook.
     *
     * @return the API key that signed it
     * @throws HttpError 401 with the reason when the request is not a genuine, unaltered LiveKit webhook
     */
    String verify(byte[] body, String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw reject("missing Authorization header (LiveKit signs every webhook)");
        }
        String token = authorization.trim();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).trim();
        }
        DecodedJWT decoded;
        try {
            decoded = JWT.decode(token);
        } catch (JWTDecodeException e) {
            throw reject("malformed token in Authorization header");
        }
        String issuer = decoded.getIssuer();
        if (issuer == null) {
            throw reject("token has no issuer (the API key that signed it)");
        }
        JWTVerifier verifier = verifiers.get(issuer);
        if (verifier == null) {
            throw reject("token issued by unknown API key '" + RequestHeaders.abbreviate(issuer) + "'");
        }
        check(verifier, decoded);
        String claimed = decoded.getClaim("sha256").asString();
        if (claimed == null) {
            throw reject("token has no sha256 claim");
        }
        byte[] actual = Base64.getEncoder().encode(sha256(body));
        if (!MessageDigest.isEqual(actual, claimed.getBytes(StandardCharsets.US_ASCII))) {
            throw reject("body hash mismatch: the body is not the one LiveKit signed");
        }
        return issuer;
    }

    private static void check(JWTVerifier verifier, DecodedJWT decoded) {
        try {
            verifier.verify(decoded);
        } catch (TokenExpiredException e) {
            throw reject("token expired at " + e.getExpiredOn());
        } catch (SignatureVerificationException e) {
            throw reject("signature invalid: forged, or signed with another API secret");
        } catch (AlgorithmMismatchException e) {
            throw reject("token algorithm is not HS256");
        } catch (IncorrectClaimException e) {
            throw reject("token claim '" + e.getClaimName() + "' rejected"
                    + ("nbf".equals(e.getClaimName()) ? " (not valid yet)" : ""));
        } catch (JWTVerificationException e) {
            throw reject("token rejected: " + e.getClass().getSimpleName());
        }
    }

    private static HttpError reject(String reason) {
        return new HttpError(401, "webhook_unauthorized", reason);
    }

    static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
