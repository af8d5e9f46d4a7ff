package dev.switchboard.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Writes a Jackson tree as block-style YAML: every string double-quoted (so {@code "on"}, {@code "8080"}
 * and {@code "${X}"} stay strings), multi-line strings as literal blocks, keys in the tree's order.
 * Deterministic, so a re-export of the same config is byte-identical. Stateless, thread-safe.
 */
final class Yaml {

    private Yaml() {
    }

    /** The YAML text of {@code root} (an object), after {@code header} lines written as {@code #} comments. */
    static String write(JsonNode root, String... header) {
        StringBuilder out = new StringBuilder(1024);
        for (String line : header) {
            out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
        }
        object(root, 0, out);
        return out.toString();
    }

    private static void object(JsonNode node, int indent, StringBuilder out) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            pad(out, indent).append(key(e.getKey())).append(':');
            value(e.getValue(), indent, out);
        }
    }

    private static void value(JsonNode v, int indent, StringBuilder out) {
        if (v.isObject()) {
            if (v.isEmpty()) {
                out.append(" {}\n");
            } else {
                out.append('\n');
                object(v, indent + 2, out);
            }
        } else if (v.isArray()) {
            if (v.isEmpty()) {
                out.append(" []\n");
            } else {
                out.append('\n');
                array(v, indent + 2, out);
            }
        } else {
            out.append(' ');
            scalar(v, indent + 2, out);
        }
    }

    private static void array(JsonNode node, int indent, StringBuilder out) {
        for (JsonNode item : node) {
            pad(out, indent).append('-');
            if (item.isObject() && !item.isEmpty()) {
                // first key on the dash line, the others aligned under it
                boolean first = true;
                for (Map.Entry<String, JsonNode> e : item.properties()) {
                    if (first) {
                        out.append(' ');
                        first = false;
                    } else {
                        pad(out, indent + 2);
                    }
                    out.append(key(e.getKey())).append(':');
                    value(e.getValue(), indent + 2, out);
                }
            } else {
                value(item, indent, out);
            }
        }
    }

    private static void scalar(JsonNode v, int indent, StringBuilder out) {
        if (v.isNull()) {
            out.append("null\n");
        } else if (v.isNumber() || v.isBoolean()) {
            out.append(v.asText()).append('\n');
        } else {
            String s = v.asText();
            if (s.contains("\n") && !s.startsWith(" ") && !s.contains("\r") && !s.contains("\t")) {
                literal(s, indent, out);
            } else {
                out.append(quote(s)).append('\n');
            }
        }
    }

    private static void literal(String s, int indent, StringBuilder out) {
        boolean endsWithNewline = s.endsWith("\n");
        String body = endsWithNewline ? s.substring(0, s.length() - 1) : s;
        out.append(endsWithNewline ? "|\n" : "|-\n");
        for (String line : body.split("\n", -1)) {
            if (line.isBlank()) {
                out.append('\n');
            } else {
                pad(out, indent).append(line.stripTrailing()).append('\n');
            }
        }
    }

    private static String key(String k) {
        return k.matches("[A-Za-z_][A-Za-z0-9_.-]*") && !k.matches("(?i)y|n|yes|no|on|off|true|false|null")
                ? k : quote(k);
    }

    /** A double-quoted YAML scalar. */
    static String quote(String s) {
        StringBuilder q = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> q.append(c);
            }
        }
        return q.append('"').toString();
    }

    private static StringBuilder pad(StringBuilder out, int n) {
        return out.repeat(' ', n);
    }
}
