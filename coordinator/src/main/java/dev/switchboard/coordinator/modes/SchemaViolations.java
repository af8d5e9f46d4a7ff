package dev.switchboard.coordinator.modes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.spi.ConfigException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everit.json.schema.ObjectSchema;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;

/**
 * Turns everit's schema violations into operator-facing problems: the JSON pointer becomes the TOML
 * key path and its line, unknown and missing keys name the key itself, type names are TOML's. Stateless
 * and thread-safe.
 */
final class SchemaViolations {

    private static final Pattern TYPE = Pattern.compile("expected type: (\\w+), found: (\\w+)");
    private static final Map<String, String> TOML_TYPES = Map.of(
            "String", "a string", "JSONArray", "an array", "JSONObject", "a table", "Boolean", "a boolean",
            "Long", "an integer", "Integer", "an integer", "BigInteger", "an integer", "Number", "a number",
            "Double", "a float", "BigDecimal", "a float");

    private SchemaViolations() {
    }

    private record Violation(String path, String message) {
    }

    /** The problems, in line order, with same-key type mismatches merged into one. */
    static List<ConfigException.Problem> problems(ModeFile file, List<ValidationException> leaves) {
        Map<String, Violation> byKey = new LinkedHashMap<>();
        for (ValidationException leaf : leaves) {
            Violation v = violation(file, leaf);
            byKey.merge(v.path() + "\n" + v.message(), v, (a, b) -> a);
        }
        List<Violation> merged = mergeTypes(new ArrayList<>(byKey.values()));
        KeyLines lines = new KeyLines(file.file(), "", file.lines());
        return merged.stream()
                .sorted(Comparator.comparingInt((Violation v) -> lines.line(v.path())).thenComparing(Violation::path))
                .map(v -> new ConfigException.Problem(lines.locate(v.path()), v.message()))
                .toList();
    }

    private static Violation violation(ModeFile file, ValidationException leaf) {
        String path = keyPath(file.tree(), leaf.getPointerToViolation());
        String keyword = String.valueOf(leaf.getKeyword());
        String message = leaf.getErrorMessage();
        String named = bracketed(message);
        if ("additionalProperties".equals(keyword) && !named.isEmpty()) {
            return new Violation(TomlKeyScanner.join(path, named),
                    "unknown key '" + named + "'" + hint(named, leaf.getViolatedSchema()));
        }
        if ("required".equals(keyword) && !named.isEmpty()) {
            return new Violation(TomlKeyScanner.join(path, named), "missing required key '" + named + "'");
        }
        Matcher type = TYPE.matcher(message);
        if (type.matches()) {
            return new Violation(path, "expected " + tomlType(type.group(1)) + ", found " + tomlType(type.group(2)));
        }
        return new Violation(path, message);
    }

    /** {@code expected a string, found x} + {@code expected an array, found x} → one problem. */
    private static List<Violation> mergeTypes(List<Violation> violations) {
        Map<String, TreeSet<String>> expected = new LinkedHashMap<>();
        Map<String, String> found = new LinkedHashMap<>();
        List<Violation> out = new ArrayList<>();
        for (Violation v : violations) {
            int at = v.message().indexOf(", found ");
            if (!v.message().startsWith("expected ") || at < 0) {
                out.add(v);
                continue;
            }
            expected.computeIfAbsent(v.path(), k -> new TreeSet<>()).add(v.message().substring(9, at));
            found.put(v.path(), v.message().substring(at));
        }
        expected.forEach((path, types) ->
                out.add(new Violation(path, "expected " + String.join(" or ", types) + found.get(path))));
        return out;
    }

    private static String tomlType(String javaName) {
        return TOML_TYPES.getOrDefault(javaName, javaName);
    }

    private static String hint(String key, Schema violated) {
        if (violated instanceof ObjectSchema object && !object.getPropertySchemas().isEmpty()) {
            List<String> close = ClosestNames.of(key, object.getPropertySchemas().keySet(), 3);
            if (!close.isEmpty()) {
                return "; did you mean " + String.join(", ", close) + "?";
            }
            List<String> known = object.getPropertySchemas().keySet().stream().sorted().toList();
            return "; known keys: " + String.join(", ", known);
        }
        return "";
    }

    /** {@code extraneous key [foo] is not permitted} → {@code foo}. */
    private static String bracketed(String message) {
        int open = message.indexOf('[');
        int close = message.lastIndexOf(']');
        return open >= 0 && close > open ? message.substring(open + 1, close) : "";
    }

    /** {@code #/router/nodes/x/when/0} → {@code router.nodes.x.when[0]}, using the tree to tell indexes. */
    static String keyPath(JsonNode tree, String pointer) {
        String rest = pointer.startsWith("#") ? pointer.substring(1) : pointer;
        StringBuilder path = new StringBuilder();
        JsonNode node = tree;
        for (String raw : rest.split("/")) {
            if (raw.isEmpty()) {
                continue;
            }
            String segment = raw.replace("~1", "/").replace("~0", "~");
            if (node != null && node.isArray()) {
                path.append('[').append(segment).append(']');
                node = node.get(Integer.parseInt(segment));
            } else {
                path.append(path.isEmpty() ? "" : ".").append(segment);
                node = node == null ? null : node.get(segment);
            }
        }
        return path.toString();
    }
}
