package dev.switchboard.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.coordinator.modes.ModeSection;
import dev.switchboard.coordinator.modes.ModeSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which gates apply to an operation, as {@code docs/gates.md} defines it: the default gates
 * ({@code input-schema}, {@code confirmation} when destructive, {@code post-verify}), then every
 * {@code [[gates]]} entry whose {@code applies-to} globs match; a declared gate with a default's name
 * replaces it. Stateless, thread-safe.
 */
final class Gates {

    private Gates() {
    }

    static List<String> applying(ModeSet modes, String operation, boolean destructive) {
        Map<String, String> gates = new LinkedHashMap<>();
        gates.put("input-schema", "`input-schema` (json-schema, default)");
        if (destructive) {
            gates.put("confirmation", "`confirmation` (confirmation, default)");
        }
        gates.put("post-verify", "`post-verify` (post-verify, default)");
        for (ModeSection g : modes.sectionsUnder("gates[")) {
            JsonNode applies = g.tree().path("applies-to");
            List<String> globs = new ArrayList<>();
            if (applies.isTextual()) {
                globs.add(applies.asText());
            }
            applies.forEach(n -> globs.add(n.asText()));
            if (globs.stream().anyMatch(glob -> glob(glob).matcher(operation).matches())) {
                String name = g.tree().path("name").asText("?");
                gates.put(name, "`" + name + "` (" + g.tree().path("type").asText("?") + ", " + g.file() + ")");
            }
        }
        return List.copyOf(gates.values());
    }

    /** {@code *} any run of characters (dots included), {@code ?} one character. */
    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
