package dev.switchboard.specialist.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads request parameters, failing with a JSON path when a required one is missing or mistyped
 * (the schema gate normally catches this first; specialists still check, since they can be called
 * without gates in tests and embedded use). Stateless.
 */
public final class Params {

    private Params() {
    }

    /** A required non-blank string. */
    public static String string(ObjectNode params, String key) {
        JsonNode v = params.path(key);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw invalid(key, v.isMissingNode() ? "is required" : "must be a non-empty string");
        }
        return v.asText();
    }

    /** A required string that may be empty (metadata, for example, is cleared with ""). */
    public static String text(ObjectNode params, String key) {
        JsonNode v = params.path(key);
        if (!v.isTextual()) {
            throw invalid(key, v.isMissingNode() ? "is required" : "must be a string");
        }
        return v.asText();
    }

    /** An optional string. */
    public static Optional<String> optString(ObjectNode params, String key) {
        JsonNode v = params.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw invalid(key, "must be a string");
        }
        return Optional.of(v.asText());
    }

    /** An optional non-negative integer. */
    public static Optional<Integer> optInt(ObjectNode params, String key) {
        JsonNode v = params.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return Optional.empty();
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0) {
            throw invalid(key, "must be a non-negative integer");
        }
        return Optional.of(v.asInt());
    }

    /** An optional boolean, or the default. */
    public static boolean bool(ObjectNode params, String key, boolean fallback) {
        JsonNode v = params.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw invalid(key, "must be true or false");
        }
        return v.asBoolean();
    }

    /** An optional list of strings (empty when absent). */
    public static List<String> strings(ObjectNode params, String key) {
        JsonNode v = params.path(key);
        List<String> out = new ArrayList<>();
        if (v.isMissingNode() || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw invalid(key, "must be an array of strings");
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw invalid(key + "[" + i + "]", "must be a string");
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    /** An optional string-to-string map (empty when absent). */
    public static Map<String, String> stringMap(ObjectNode params, String key) {
        JsonNode v = params.path(key);
        Map<String, String> out = new LinkedHashMap<>();
        if (v.isMissingNode() || v.isNull()) {
            return out;
        }
        if (!v.isObject()) {
            throw invalid(key, "must be a table of strings");
        }
        for (var it = v.properties().iterator(); it.hasNext();) {
            var e = it.next();
            if (!e.getValue().isTextual()) {
                throw invalid(key + "." + e.getKey(), "must be a string");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /** The exception a bad parameter raises; {@link InvalidParamException#toFailure()} makes the result. */
    public static InvalidParamException invalid(String key, String message) {
        return new InvalidParamException(
                Violation.of("param.invalid", "$." + key, "'" + key + "' " + message), FailureCode.INVALID_REQUEST);
    }
}
