package dev.switchboard.media.voice.tools;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Optional;

/** Maps Java parameter types to JSON Schema fragments for tool specs. Thread-safe (stateless). */
final class JsonSchemas {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonSchemas() {
    }

    /** The schema of {@code type}, or empty when it has no mapping. */
    static Optional<ObjectNode> of(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)) {
            return of(p.getActualTypeArguments()[0]).map(items -> {
                ObjectNode n = F.objectNode().put("type", "array");
                n.set("items", items);
                return n;
            });
        }
        if (!(type instanceof Class<?> c)) {
            return Optional.empty();
        }
        if (c == String.class || c == char.class || c == Character.class) {
            return Optional.of(F.objectNode().put("type", "string"));
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class
                || c == short.class || c == Short.class) {
            return Optional.of(F.objectNode().put("type", "integer"));
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
            return Optional.of(F.objectNode().put("type", "number"));
        }
        if (c == boolean.class || c == Boolean.class) {
            return Optional.of(F.objectNode().put("type", "boolean"));
        }
        if (c.isEnum()) {
            ObjectNode n = F.objectNode().put("type", "string");
            var values = n.putArray("enum");
            for (Object constant : c.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return Optional.of(n);
        }
        if (c.isRecord()) {
            ObjectNode n = F.objectNode().put("type", "object");
            ObjectNode props = n.putObject("properties");
            var required = n.putArray("required");
            for (var component : c.getRecordComponents()) {
                Optional<ObjectNode> inner = of(component.getGenericType());
                if (inner.isEmpty()) {
                    return Optional.empty();
                }
                props.set(component.getName(), inner.get());
                required.add(component.getName());
            }
            n.put("additionalProperties", false);
            return Optional.of(n);
        }
        return Optional.empty();
    }
}
