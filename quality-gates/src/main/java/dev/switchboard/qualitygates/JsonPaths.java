package dev.switchboard.qualitygates;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * Builds JSON paths ({@code $.room.name}, {@code $.tracks[2]}, {@code $['odd key']}) as violations
 * show them. Stateless, thread-safe.
 */
final class JsonPaths {

    static final String ROOT = "$";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private JsonPaths() {
    }

    static String child(String parent, String name) {
        if (PLAIN.matcher(name).matches()) {
            return parent + "." + name;
        }
        return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }

    /**
     * Converts an everit pointer ({@code #/tracks/0/name}) into a JSON path, walking {@code instance}
     * to tell array indexes from object keys that look like numbers.
     */
    static String fromPointer(String pointer, JsonNode instance) {
        String p = pointer.startsWith("#") ? pointer.substring(1) : pointer;
        String path = ROOT;
        JsonNode at = instance;
        if (p.isEmpty() || p.equals("/")) {
            return path;
        }
        for (String raw : p.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (at.isArray() && token.chars().allMatch(Character::isDigit) && !token.isEmpty()) {
                int i = Integer.parseInt(token);
                path = index(path, i);
                at = at.path(i);
            } else {
                path = child(path, token);
                at = at.path(token);
            }
        }
        return path;
    }
}
