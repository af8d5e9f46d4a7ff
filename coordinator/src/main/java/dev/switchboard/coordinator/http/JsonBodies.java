package dev.switchboard.coordinator.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** Parses request bodies strictly (duplicate keys and trailing tokens are errors). Thread-safe. */
final class JsonBodies {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private JsonBodies() {
    }

    /**
     * Parses a body that must be a JSON object; an empty body is the empty object.
     *
     * @throws HttpError 400 naming the line and column of the first problem
     */
    static ObjectNode object(byte[] body) {
        if (isBlank(body)) {
            return MAPPER.createObjectNode();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw HttpError.badRequest("request body cannot be read: " + e.getMessage(), "$");
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw HttpError.badRequest("request body must be a JSON object, got " + describe(node), "$");
    }

    private static HttpError malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String message = "malformed JSON" + where + ": " + e.getOriginalMessage();
        return HttpError.badRequest(message, "$");
    }

    private static String describe(JsonNode node) {
        return node.isMissingNode() ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
