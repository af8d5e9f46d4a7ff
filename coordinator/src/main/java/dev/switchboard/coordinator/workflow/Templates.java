package dev.switchboard.coordinator.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parameter templates: {@code ${inputs.room}}, {@code ${steps.create-room.output.name}},
 * {@code ${workflow.id}}. A string that is exactly one template takes the referenced value with its
 * JSON type; a template inside other text is replaced by the value's text. {@code $${} writes a
 * literal {@code ${}. Stateless, thread-safe.
 */
final class Templates {

    private static final Pattern REF = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern WHOLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]+");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Templates() {
    }

    /** The reference paths used in {@code text}, each split into segments. */
    static List<List<String>> references(String text) {
        List<List<String>> out = new ArrayList<>();
        Matcher m = REF.matcher(unescaped(text));
        while (m.find()) {
            out.add(List.of(m.group(1).split("\\.", -1)));
        }
        return out;
    }

    /** Why {@code text} is not a well-formed template, or empty text when it is. */
    static String syntaxError(String text) {
        String plain = unescaped(text);
        Matcher m = REF.matcher(plain);
        int last = 0;
        while (m.find()) {
            if (plain.substring(last, m.start()).contains("${")) {
                return "unclosed '${' in template";
            }
            for (String segment : m.group(1).split("\\.", -1)) {
                if (!SEGMENT.matcher(segment).matches()) {
                    return "bad reference '${" + m.group(1) + "}': segments are letters, digits, '-' and '_'"
                            + " separated by '.'";
                }
            }
            last = m.end();
        }
        return plain.substring(last).contains("${") ? "unclosed '${' in template" : "";
    }

    /** Every string in {@code tree} with its key path (relative to {@code base}). */
    static void strings(JsonNode tree, String base, Map<String, String> out) {
        if (tree.isTextual()) {
            out.put(base, tree.asText());
        } else if (tree instanceof ObjectNode o) {
            o.properties().forEach(e -> strings(e.getValue(), base + "." + e.getKey(), out));
        } else if (tree instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                strings(a.get(i), base + "[" + i + "]", out);
            }
        }
    }

    /** Resolves every template in {@code params}; a whole-value template with no value drops the key. */
    static ObjectNode resolve(ObjectNode params, ObjectNode context) {
        ObjectNode out = NODES.objectNode();
        params.properties().forEach(e -> {
            JsonNode v = resolveNode(e.getValue(), context);
            if (!v.isMissingNode()) {
                out.set(e.getKey(), v);
            }
        });
        return out;
    }

    private static JsonNode resolveNode(JsonNode node, ObjectNode context) {
        if (node.isTextual()) {
            return resolveText(node.asText(), context);
        }
        if (node instanceof ObjectNode o) {
            return resolve(o, context);
        }
        if (node instanceof ArrayNode a) {
            ArrayNode out = NODES.arrayNode();
            a.forEach(item -> {
                JsonNode v = resolveNode(item, context);
                out.add(v.isMissingNode() ? NODES.nullNode() : v);
            });
            return out;
        }
        return node.deepCopy();
    }

    /** The value of one template string: typed for a whole-value template, text otherwise. */
    static JsonNode resolveText(String text, ObjectNode context) {
        if (!text.contains("${")) {
            return NODES.textNode(text);
        }
        Matcher whole = WHOLE.matcher(text);
        if (whole.matches() && !text.startsWith("$${")) {
            return lookup(whole.group(1), context).deepCopy();
        }
        StringBuilder out = new StringBuilder();
        int last = 0;
        Matcher m = REF.matcher(text);
        while (m.find()) {
            boolean escaped = m.start() > 0 && text.charAt(m.start() - 1) == '$';
            out.append(text, last, escaped ? m.start() - 1 : m.start());
            if (escaped) {
                out.append(m.group());
            } else {
                JsonNode v = lookup(m.group(1), context);
                out.append(v.isMissingNode() || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString());
            }
            last = m.end();
        }
        return NODES.textNode(out.append(text.substring(last)).toString());
    }

    private static JsonNode lookup(String path, ObjectNode context) {
        JsonNode node = context;
        for (String segment : path.split("\\.", -1)) {
            if (node.isArray() && segment.chars().allMatch(Character::isDigit)) {
                node = node.path(Integer.parseInt(segment));
            } else {
                node = node.path(segment);
            }
            if (node.isMissingNode()) {
                return MissingNode.getInstance();
            }
        }
        return node;
    }

    /**
     * Truthiness of a condition's value: missing, null, {@code false}, {@code 0}, {@code ""},
     * {@code "false"}, {@code "0"} and empty arrays and objects are false; everything else is true.
     */
    static boolean truthy(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0;
        }
        if (value.isTextual()) {
            String t = value.asText().strip();
            return !t.isEmpty() && !t.equalsIgnoreCase("false") && !t.equals("0");
        }
        return !value.isEmpty();
    }

    private static String unescaped(String text) {
        return text.replace("$${", "\u0000{");
    }
}
