package dev.switchboard.specialist.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.specialist.common.Params;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decodes and verifies tokens against every configured key, the way livekit-server does: HS256 only,
 * key chosen by {@code iss}, {@code nbf}/{@code exp} with one minute of leeway. Thread-safe.
 */
final class TokenChecker {

    private final AuthSettings settings;

    TokenChecker(AuthSettings settings) {
        this.settings = settings;
    }

    /**
     * Checks {@code token} at {@code now}.
     *
     * @throws dev.switchboard.specialist.common.InvalidParamException when it is not a JWT at all
     */
    Inspection check(String token, Instant now) {
        TokenDecoder.Decoded d = TokenDecoder.decode(token);
        String key = d.claims().path("iss").asText("");
        boolean current = key.equals(settings.signing().key());
        Optional<Instant> nbf = seconds(d.claims().path("nbf"));
        Optional<Instant> exp = seconds(d.claims().path("exp"));
        String alg = d.header().path("alg").asText("");
        Verdict verdict;
        String reason;
        Optional<KeyPair> pair = settings.key(key);
        if (!alg.equals("HS256")) {
            verdict = Verdict.UNSUPPORTED_ALGORITHM;
            reason = "the token is signed with '" + alg + "'; LiveKit accepts only HS256";
        } else if (key.isEmpty()) {
            verdict = Verdict.UNKNOWN_KEY;
            reason = "the token names no API key (its 'iss' claim is missing), so no secret can verify it";
        } else if (pair.isEmpty()) {
            verdict = Verdict.UNKNOWN_KEY;
            reason = "the token was signed for API key '" + key + "', which is not configured here (configured: "
                    + settings.keyNames() + ")";
        } else if (!signatureMatches(token, pair.get())) {
            verdict = Verdict.SIGNATURE_MISMATCH;
            reason = "the signature does not match the secret of API key '" + key + "': the token was altered, "
                    + "forged, or signed with a different secret for the same key";
        } else if (nbf.isPresent() && now.plus(AuthSettings.LEEWAY).isBefore(nbf.get())) {
            verdict = Verdict.NOT_YET_VALID;
            reason = "the token is not valid before " + nbf.get() + ", in "
                    + Durations.human(Duration.between(now, nbf.get())) + " (check the clock of the machine that "
                    + "minted it)";
        } else if (exp.isEmpty()) {
            verdict = Verdict.EXPIRED;
            reason = "the token has no expiry ('exp' claim); LiveKit refuses tokens without one";
        } else if (!now.minus(AuthSettings.LEEWAY).isBefore(exp.get())) {
            verdict = Verdict.EXPIRED;
            reason = "the token expired at " + exp.get() + ", " + Durations.human(Duration.between(exp.get(), now))
                    + " ago (LiveKit allows " + Durations.human(AuthSettings.LEEWAY) + " of clock skew)";
        } else {
            verdict = Verdict.VALID;
            reason = "the token is valid: signed with API key '" + key + "' ("
                    + (current ? "the current signing key" : "an older key still accepted for rotation") + ")";
        }
        return new Inspection(verdict, reason, key, current, d.claims(), nbf, exp, now);
    }

    private static boolean signatureMatches(String token, KeyPair pair) {
        String t = token.strip();
        if (t.startsWith("Bearer ")) {
            t = t.substring("Bearer ".length()).strip();
        }
        try {
            Algorithm.HMAC256(pair.secret().reveal()).verify(JWT.decode(t));
            return true;
        } catch (SignatureVerificationException e) {
            return false;
        } catch (JWTDecodeException e) {
            throw Params.invalid("token", "is not a JWT that can be verified");
        }
    }

    private static Optional<Instant> seconds(JsonNode node) {
        return node.isNumber() ? Optional.of(Instant.ofEpochSecond(node.asLong())) : Optional.empty();
    }
}
