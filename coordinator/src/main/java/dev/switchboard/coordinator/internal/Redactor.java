package dev.switchboard.coordinator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
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

    private Redactor() {
    }

    /** A redacted copy of {@code tree}. */
    static ObjectNode redact(ObjectNode tree) {
        ObjectNode copy = tree.deepCopy();
        walk(copy);
        return copy;
    }

    private static void walk(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = field.getValue();
                if (SECRET_KEY.matcher(field.getKey()).matches() && !isReference(value)) {
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
