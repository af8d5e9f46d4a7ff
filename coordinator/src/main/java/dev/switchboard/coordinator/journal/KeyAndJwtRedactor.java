package dev.switchboard.coordinator.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The standard {@link Redactor}: sensitive key names and JWT-looking strings. Immutable, thread-safe. */
final class KeyAndJwtRedactor implements Redactor {

    private static final Set<String> FRAGMENTS = Set.of(
            "secret", "token", "password", "passwd", "apikey", "privatekey", "credential", "authorization");
    private static final Pattern JWT = Pattern.compile(
            "eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");

    static final KeyAndJwtRedactor STANDARD = new KeyAndJwtRedactor(FRAGMENTS);

    private final List<String> fragments;

    private KeyAndJwtRedactor(Set<String> fragments) {
        this.fragments = List.copyOf(fragments);
    }

    static KeyAndJwtRedactor withExtra(Set<String> extra) {
        Set<String> all = new HashSet<>(FRAGMENTS);
        extra.forEach(e -> all.add(normalize(e)));
        return new KeyAndJwtRedactor(all);
    }

    @Override
    public ObjectNode redact(ObjectNode tree) {
        ObjectNode copy = tree.deepCopy();
        walk(copy);
        return copy;
    }

    private void walk(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (sensitiveKey(field.getKey()) || jwt(field.getValue())) {
                    field.setValue(object.textNode(REDACTED));
                } else {
                    walk(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (jwt(array.get(i))) {
                    array.set(i, array.textNode(REDACTED));
                } else {
                    walk(array.get(i));
                }
            }
        }
    }

    private boolean sensitiveKey(String key) {
        String normalized = normalize(key);
        return fragments.stream().anyMatch(normalized::contains);
    }

    private static boolean jwt(JsonNode value) {
        return value.isTextual() && JWT.matcher(value.asText()).find();
    }

    private static String normalize(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
    }
}
