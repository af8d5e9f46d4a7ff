package dev.switchboard.coordinator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Masks what must not be written down (journal records, events): values under secret-looking keys
 * ({@code api-secret}, {@code token}, {@code password}…) and any secret value resolved in this JVM.
 * Secret <em>references</em> ({@code ${NAME}}) are kept: they are safe and useful. Stateless, thread-safe.
 */
final class Redactor {

    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(secret|token|password|passwd|api[-_]?key|authorization|credential|private[-_]?key).*");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*}|env:\\w+|file:/\\S+");

    private static final int KEY_CACHE_LIMIT = 4_096;
    // key -> secret-looking?; keys repeat from request to request, so the pattern runs once per key
    private static final Map<String, Boolean> KEYS = new ConcurrentHashMap<>();

    private Redactor() {
    }

    /** A redacted copy of {@code tree}. */
    static ObjectNode redact(ObjectNode tree) {
        ObjectNode copy = tree.deepCopy();
        walk(copy);
        return copy;
    }

    /** Whether {@link #redact} would change anything in {@code node} (when not, no copy is needed). */
    static boolean changes(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = field.getValue();
                if (secretKey(field.getKey()) && !isReference(value) || scrubs(value) || changes(value)) {
                    return true;
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode value : array) {
                if (scrubs(value) || changes(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean scrubs(JsonNode value) {
        return value.isTextual() && !SecretScrubber.scrub(value.asText()).equals(value.asText());
    }

    private static boolean secretKey(String key) {
        Boolean known = KEYS.get(key);
        if (known != null) {
            return known;
        }
        boolean secret = SECRET_KEY.matcher(key).matches();
        if (KEYS.size() < KEY_CACHE_LIMIT) {
            KEYS.put(key, secret);
        }
        return secret;
    }

    private static void walk(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = field.getValue();
                if (secretKey(field.getKey()) && !isReference(value)) {
                    field.setValue(TextNode.valueOf(SecretScrubber.MASK));
                } else if (value.isTextual()) {
                    field.setValue(TextNode.valueOf(SecretScrubber.scrub(value.asText())));
                } else {
                    walk(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isTextual()) {
                    array.set(i, TextNode.valueOf(SecretScrubber.scrub(value.asText())));
                } else {
                    walk(value);
                }
            }
        }
    }

    private static boolean isReference(JsonNode value) {
        return value.isTextual() && REFERENCE.matcher(value.asText()).matches();
    }
}
