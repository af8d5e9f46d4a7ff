package dev.switchboard.specialist.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Test helpers: run an operation, read a token's claims without verifying. */
final class Tokens {

    private Tokens() {
    }

    static OperationResult run(AuthSpecialist auth, TestContext ctx, String operation, String paramsJson) {
        return auth.execute(ctx, OperationRequest.builder(operation).params(Json.object(paramsJson)).build());
    }

    static ObjectNode payload(OperationResult r) {
        if (r instanceof OperationResult.Success s) {
            return s.payload();
        }
        throw new AssertionError("expected success, got " + r);
    }

    static OperationResult.Failure failure(OperationResult r) {
        if (r instanceof OperationResult.Failure f) {
            return f;
        }
        throw new AssertionError("expected failure, got " + r);
    }

    static JsonNode claims(String jwt) throws IOException {
        String payload = jwt.split("\\.")[1];
        return Json.mapper().readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    /** The token with one character of its signature changed. */
    static String tamperSignature(String jwt) {
        char last = jwt.charAt(jwt.length() - 5);
        return jwt.substring(0, jwt.length() - 5) + (last == 'A' ? 'B' : 'A') + jwt.substring(jwt.length() - 4);
    }
}
