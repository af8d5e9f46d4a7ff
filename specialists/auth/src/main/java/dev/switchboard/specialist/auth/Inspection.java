package dev.switchboard.specialist.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/**
 * The outcome of checking one token: the verdict, why, and what the token says. Immutable.
 *
 * @param verdict valid, or the first reason it is not
 * @param reason the verdict in one sentence (never the secret or the token)
 * @param key the API key the token names ({@code iss}); empty string when absent
 * @param currentSigningKey whether {@code key} is the pair that signs new tokens
 * @param claims the token's claims as decoded (untrusted unless the verdict is valid)
 * @param notBefore the {@code nbf} claim, when present
 * @param expiresAt the {@code exp} claim, when present
 * @param checkedAt when the check ran
 */
record Inspection(Verdict verdict, String reason, String key, boolean currentSigningKey, ObjectNode claims,
        Optional<Instant> notBefore, Optional<Instant> expiresAt, Instant checkedAt) {

    boolean valid() {
        return verdict == Verdict.VALID;
    }

    Grants grants() {
        return Grants.fromClaim(claims.path("video"));
    }

    String identity() {
        return claims.path("sub").asText("");
    }

    String room() {
        return claims.path("video").path("room").asText("");
    }
}
