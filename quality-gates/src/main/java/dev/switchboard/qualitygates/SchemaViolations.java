package dev.switchboard.qualitygates;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.spi.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everit.json.schema.EnumSchema;
import org.everit.json.schema.ObjectSchema;
import org.everit.json.schema.StringSchema;
import org.everit.json.schema.ValidationException;

/**
 * Turns an everit {@link ValidationException} tree into one {@link Violation} per failed keyword,
 * with a JSON path to the offending value, a {@code schema.<keyword>} code and a hint.
 * Stateless, thread-safe.
 */
final class SchemaViolations {

    private static final Pattern REQUIRED = Pattern.compile("required key \\[(.*)] not found");
    private static final Pattern EXTRANEOUS = Pattern.compile("extraneous key \\[(.*)] is not permitted");
    private static final Pattern EXPECTED = Pattern.compile("expected type: (\\w+)");
    private static final Set<String> OPAQUE = Set.of("anyOf", "oneOf", "not");
    private static final int MAX_MESSAGE = 240;

    private SchemaViolations() {
    }

    static List<Violation> of(ValidationException root, JsonNode instance) {
        List<Violation> out = new ArrayList<>();
        collect(root, instance, out);
        return out;
    }

    private static void collect(ValidationException e, JsonNode instance, List<Violation> out) {
        if (e.getCausingExceptions().isEmpty() || e.getKeyword() != null && OPAQUE.contains(e.getKeyword())) {
            out.add(leaf(e, instance));
            return;
        }
        for (ValidationException cause : e.getCausingExceptions()) {
            collect(cause, instance, out);
        }
    }

    private static Violation leaf(ValidationException e, JsonNode instance) {
        String keyword = e.getKeyword() == null ? "invalid" : e.getKeyword();
        String path = JsonPaths.fromPointer(e.getPointerToViolation(), instance);
        String message = shorten(e.getErrorMessage());
        String hint = "";
        switch (keyword) {
            case "required" -> {
                Matcher m = REQUIRED.matcher(e.getErrorMessage());
                if (m.matches()) {
                    path = JsonPaths.child(path, m.group(1));
                    message = "required parameter '" + m.group(1) + "' is missing";
                    hint = "add '" + m.group(1) + "' to the parameters";
                }
            }
            case "additionalProperties" -> {
                Matcher m = EXTRANEOUS.matcher(e.getErrorMessage());
                if (m.matches()) {
                    path = JsonPaths.child(path, m.group(1));
                    message = "unknown parameter '" + shorten(m.group(1)) + "' is not accepted";
                    hint = e.getViolatedSchema() instanceof ObjectSchema o && !o.getPropertySchemas().isEmpty()
                            ? "remove it; accepted here: " + String.join(", ", new TreeSet<>(o.getPropertySchemas()
                                    .keySet()))
                            : "remove it";
                }
            }
            case "type" -> {
                Matcher m = EXPECTED.matcher(e.getErrorMessage());
                hint = m.find() ? "send a value of type " + m.group(1).toLowerCase(Locale.ROOT) : "";
            }
            case "pattern" -> hint = e.getViolatedSchema() instanceof StringSchema s && s.getPattern() != null
                    ? "the value must match the regular expression " + s.getPattern()
                    : "";
            case "enum" -> hint = e.getViolatedSchema() instanceof EnumSchema s
                    ? "use one of: " + shorten(s.getPossibleValuesAsList().toString())
                    : "";
            default -> {
                // the message says enough for the remaining keywords (minLength, maximum…)
            }
        }
        return new Violation("schema." + kebab(keyword), path, message, hint);
    }

    static String kebab(String keyword) {
        StringBuilder out = new StringBuilder();
        for (char c : keyword.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String shorten(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }
}
