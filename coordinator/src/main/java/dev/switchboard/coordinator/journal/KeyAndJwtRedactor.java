package dev.switchboard.coordinator.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The standard {@link Redactor}: sensitive key names and JWT-looking strings. Immutable, thread-safe. */
final class KeyAndJwtRedactor implements Redactor {

    private static final Set<String> FRAGMENTS = Set.of(
            "secret", "token", "password", "passwd", "apikey", "privatekey", "credential", "authorization");
    private static final Pattern JWT = Pattern.compile(
            "eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");

    static final KeyAndJwtRedactor STANDARD = new KeyAndJwtRedactor(FRAGMENTS);

    private static final int KEY_CACHE_LIMIT = 4_096;

    private final List<String> fragments;
    // key -> sensitive?; keys repeat from request to request, so each is normalised and matched once
    private final Map<String, Boolean> keys = new ConcurrentHashMap<>();

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

    /** Whether {@link #redact} would change anything in {@code node}: when not, a copy is not needed. */
    boolean changes(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (sensitiveKey(field.getKey()) || jwt(field.getValue()) || changes(field.getValue())) {
                    return true;
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode item : array) {
                if (jwt(item) || changes(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean sensitiveKey(String key) {
        Boolean known = keys.get(key);
        if (known != null) {
            return known;
        }
        String normalized = normalize(key);
        boolean sensitive = false;
        for (String fragment : fragments) {
            sensitive |= normalized.contains(fragment);
        }
        if (keys.size() < KEY_CACHE_LIMIT) {
            keys.put(key, sensitive);
        }
        return sensitive;
    }

    private static boolean jwt(JsonNode value) {
        return value.isTextual() && value.textValue().contains("eyJ") && JWT.matcher(value.textValue()).find();
    }

    private static String normalize(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
    }
}
