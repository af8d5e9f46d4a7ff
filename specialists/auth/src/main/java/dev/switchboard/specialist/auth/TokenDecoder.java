package dev.switchboard.specialist.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.specialist.common.Params;
import dev.switchboard.spi.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Splits and decodes a JWT without trusting it. Errors are our own words: library messages can quote
 * the token, and a token is a credential. Stateless.
 */
final class TokenDecoder {

    private TokenDecoder() {
    }

    /** The decoded header and claims of an untrusted token. */
    record Decoded(ObjectNode header, ObjectNode claims) {
    }

    /**
     * Decodes {@code token}.
     *
     * @throws dev.switchboard.specialist.common.InvalidParamException at {@code $.token} saying what is malformed
     */
    static Decoded decode(String token) {
        String t = token.strip();
        if (t.startsWith("Bearer ")) {
            t = t.substring("Bearer ".length()).strip();
        }
        String[] parts = t.split("\\.", -1);
        if (parts.length != 3) {
            throw Params.invalid("token", "is not a JWT: expected three base64url parts separated by dots, found "
                    + parts.length);
        }
        return new Decoded(part(parts[0], "header"), part(parts[1], "payload"));
    }

    private static ObjectNode part(String encoded, String which) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw Params.invalid("token", "is not a JWT: its " + which + " is not base64url");
        }
        try {
            JsonNode node = Json.mapper().readTree(new String(bytes, StandardCharsets.UTF_8));
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // reported below without echoing the content
        }
        throw Params.invalid("token", "is not a JWT: its " + which + " is not a JSON object");
    }
}
