package dev.switchboard.qualitygates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A quick check that a value is valid, for the common subset of JSON Schema that operation inputs
 * use ({@code type}, {@code properties}, {@code required}, {@code additionalProperties: false},
 * {@code minimum}/{@code maximum}, {@code minLength}/{@code maxLength}, {@code enum}, {@code items},
 * {@code minItems}/{@code maxItems}, and annotations). It works on the Jackson tree, with no
 * conversion to org.json and no exceptions. It only ever says "valid" or "not sure": anything else
 * (a violation, a number it cannot compare exactly) goes to everit, which then reports the violations
 * as before. A schema with any other keyword has no quick check. Immutable, thread-safe.
 */
final class QuickSchema {

    private static final Set<String> ANNOTATIONS = Set.of("description", "title", "$comment", "default",
            "examples", "$schema");
    private static final Set<String> TYPES = Set.of("object", "array", "string", "integer", "number", "boolean",
            "null");
    private static final double EXACT = 9_007_199_254_740_992d; // 2^53: integers up to here are exact doubles

    private final List<String> types;
    private final Map<String, QuickSchema> properties;
    private final List<String> required;
    private final boolean closed;
    private final Optional<JsonNode> minimum;
    private final Optional<JsonNode> maximum;
    private final int minLength;
    private final int maxLength;
    private final Optional<JsonNode> enumeration;
    private final Optional<QuickSchema> items;
    private final int minItems;
    private final int maxItems;

    private QuickSchema(ObjectNode s, List<String> types, Map<String, QuickSchema> properties,
            Optional<QuickSchema> items) {
        this.types = types;
        this.properties = properties;
        this.required = new ArrayList<>();
        s.path("required").forEach(r -> required.add(r.asText()));
        this.closed = s.path("additionalProperties").isBoolean() && !s.path("additionalProperties").booleanValue();
        this.minimum = Optional.ofNullable(s.get("minimum"));
        this.maximum = Optional.ofNullable(s.get("maximum"));
        this.minLength = s.path("minLength").asInt(0);
        this.maxLength = s.path("maxLength").asInt(Integer.MAX_VALUE);
        this.enumeration = Optional.ofNullable(s.get("enum"));
        this.items = items;
        this.minItems = s.path("minItems").asInt(0);
        this.maxItems = s.path("maxItems").asInt(Integer.MAX_VALUE);
    }

    /** The quick check of {@code schema}, or empty when it uses something this check does not know. */
    static Optional<QuickSchema> of(JsonNode schema) {
        if (!(schema instanceof ObjectNode s)) {
            return Optional.empty();
        }
        List<String> types = new ArrayList<>();
        Map<String, QuickSchema> properties = new HashMap<>();
        Optional<QuickSchema> items = Optional.empty();
        for (Map.Entry<String, JsonNode> e : s.properties()) {
            JsonNode v = e.getValue();
            boolean known = switch (e.getKey()) {
                case "type" -> v.isTextual() && TYPES.contains(v.textValue()) && types.add(v.textValue());
                case "properties" -> v.isObject() && allQuick(v, properties);
                case "required" -> v.isArray() && allText(v);
                case "additionalProperties" -> v.isBoolean();
                case "minimum", "maximum" -> exact(v);
                case "minLength", "maxLength", "minItems", "maxItems" -> v.isInt() && v.intValue() >= 0;
                case "enum" -> v.isArray() && !v.isEmpty();
                case "items" -> {
                    items = of(v);
                    yield items.isPresent();
                }
                default -> ANNOTATIONS.contains(e.getKey());
            };
            if (!known) {
                return Optional.empty();
            }
        }
        return Optional.of(new QuickSchema(s, List.copyOf(types), Map.copyOf(properties), items));
    }

    /** True when {@code value} is certainly valid; false when it may not be (ask everit). */
    boolean accepts(JsonNode value) {
        if (enumeration.isPresent() && !contains(enumeration.get(), value)) {
            return false;
        }
        if (!types.isEmpty() && !hasType(types.get(0), value)) {
            return false;
        }
        return switch (value.getNodeType()) {
            case OBJECT -> acceptsObject(value);
            case ARRAY -> value.size() >= minItems && value.size() <= maxItems
                    && (items.isEmpty() || allAccepted(items.get(), value));
            case STRING -> inLength(value.textValue());
            case NUMBER -> inRange(value);
            case BOOLEAN, NULL -> true;
            default -> false;
        };
    }

    private boolean acceptsObject(JsonNode value) {
        for (String name : required) {
            if (!value.has(name)) {
                return false;
            }
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            QuickSchema property = properties.get(field.getKey());
            if (property == null ? closed : !property.accepts(field.getValue())) {
                return false;
            }
        }
        return true;
    }

    private boolean inLength(String text) {
        if (minLength == 0 && maxLength == Integer.MAX_VALUE) {
            return true;
        }
        int length = text.codePointCount(0, text.length());
        return length >= minLength && length <= maxLength;
    }

    private boolean inRange(JsonNode value) {
        if (minimum.isEmpty() && maximum.isEmpty()) {
            return true;
        }
        if (!exact(value)) {
            return false;
        }
        double v = value.doubleValue();
        return (minimum.isEmpty() || atLeast(v, value, minimum.get()))
                && (maximum.isEmpty() || atLeast(maximum.get().doubleValue(), maximum.get(), value));
    }

    /** {@code a ≥ b}, trusting equality only between integers (everit compares decimals). */
    private static boolean atLeast(double a, JsonNode aNode, JsonNode b) {
        double bv = b.doubleValue();
        return a > bv || a == bv && aNode.isIntegralNumber() && b.isIntegralNumber();
    }

    private static boolean hasType(String type, JsonNode value) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> value.isNull();
        };
    }

    /** A number that a double holds exactly: an int, a long up to 2^53, or a double. */
    private static boolean exact(JsonNode v) {
        return v.isInt() || v.isLong() && Math.abs((double) v.longValue()) <= EXACT || v.isDouble() || v.isFloat();
    }

    private static boolean contains(JsonNode options, JsonNode value) {
        for (JsonNode option : options) {
            if (option.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allAccepted(QuickSchema schema, JsonNode array) {
        for (JsonNode item : array) {
            if (!schema.accepts(item)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allQuick(JsonNode schemas, Map<String, QuickSchema> out) {
        for (Map.Entry<String, JsonNode> e : schemas.properties()) {
            Optional<QuickSchema> quick = of(e.getValue());
            if (quick.isEmpty()) {
                return false;
            }
            out.put(e.getKey(), quick.get());
        }
        return true;
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
