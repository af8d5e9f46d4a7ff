package dev.switchboard.specialist.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MessageOrBuilder;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the Jackson tree of a protobuf message directly, by walking its descriptor: the same tree
 * that printing it with {@code JsonFormat.printer().alwaysPrintFieldsWithNoPresence()} and parsing
 * the text back gives (same names, order, values and node types), without the text in between.
 * Fields go in field-number order under their JSON names; fields without presence always, the others
 * when set; 64-bit integers as strings, unsigned ones unsigned; enums by name (unknown ones by
 * number); bytes in base64; map keys as strings. Messages of the {@code google.protobuf} package (the
 * well-known types, which print specially) are handed to {@code JsonFormat}. Stateless, thread-safe.
 */
final class ProtoTree {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<Descriptor, FieldDescriptor[]> ORDERED = new ConcurrentHashMap<>();

    private ProtoTree() {
    }

    /** The tree of a message that prints as a JSON object (any message but some well-known types). */
    static ObjectNode object(MessageOrBuilder message) {
        if (tree(message) instanceof ObjectNode object) {
            return object;
        }
        throw new IllegalArgumentException(message.getDescriptorForType().getFullName() + " is not a JSON object");
    }

    private static JsonNode tree(MessageOrBuilder message) {
        Descriptor type = message.getDescriptorForType();
        if (type.getFile().getPackage().equals("google.protobuf")) {
            return ProtoJson.viaText(message);
        }
        ObjectNode out = NODES.objectNode();
        for (FieldDescriptor field : ordered(type)) {
            if (field.hasPresence() && !message.hasField(field)) {
                continue;
            }
            Object value = message.getField(field);
            JsonNode node;
            if (field.isMapField()) {
                node = map(field, (List<?>) value);
            } else if (field.isRepeated()) {
                ArrayNode array = NODES.arrayNode();
                for (Object item : (List<?>) value) {
                    array.add(single(field, item));
                }
                node = array;
            } else {
                node = single(field, value);
            }
            out.set(field.getJsonName(), node);
        }
        return out;
    }

    private static FieldDescriptor[] ordered(Descriptor type) {
        FieldDescriptor[] fields = ORDERED.get(type);
        if (fields == null) {
            fields = type.getFields().toArray(FieldDescriptor[]::new);
            Arrays.sort(fields, Comparator.comparingInt(FieldDescriptor::getNumber));
            ORDERED.put(type, fields);
        }
        return fields;
    }

    private static ObjectNode map(FieldDescriptor field, List<?> entries) {
        Descriptor entryType = field.getMessageType();
        FieldDescriptor keyField = entryType.findFieldByName("key");
        FieldDescriptor valueField = entryType.findFieldByName("value");
        ObjectNode out = NODES.objectNode();
        for (Object entry : entries) {
            MessageOrBuilder e = (MessageOrBuilder) entry;
            out.set(key(keyField, e.getField(keyField)), single(valueField, e.getField(valueField)));
        }
        return out;
    }

    private static String key(FieldDescriptor field, Object key) {
        return switch (field.getType()) {
            case UINT32, FIXED32 -> Integer.toUnsignedString((Integer) key);
            case UINT64, FIXED64 -> Long.toUnsignedString((Long) key);
            default -> String.valueOf(key);
        };
    }

    private static JsonNode single(FieldDescriptor field, Object value) {
        return switch (field.getType()) {
            case INT32, SINT32, SFIXED32 -> NODES.numberNode((Integer) value);
            case UINT32, FIXED32 -> integral(Integer.toUnsignedLong((Integer) value));
            case INT64, SINT64, SFIXED64 -> NODES.textNode(Long.toString((Long) value));
            case UINT64, FIXED64 -> NODES.textNode(Long.toUnsignedString((Long) value));
            case BOOL -> NODES.booleanNode((Boolean) value);
            case STRING -> NODES.textNode((String) value);
            case BYTES -> NODES.textNode(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
            case FLOAT -> real((Float) value, Float.isNaN((Float) value), Float.toString((Float) value));
            case DOUBLE -> real((Double) value, Double.isNaN((Double) value), Double.toString((Double) value));
            case ENUM -> enumeration(field, (EnumValueDescriptor) value);
            case MESSAGE, GROUP -> tree((MessageOrBuilder) value);
        };
    }

    /** An integer as Jackson reads it back: an int node when it fits, a long node otherwise. */
    private static JsonNode integral(long value) {
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    /** JsonFormat prints {@code Float/Double.toString}; Jackson reads a finite one back as a double. */
    private static JsonNode real(Number value, boolean nan, String printed) {
        if (nan || Double.isInfinite(value.doubleValue())) {
            return NODES.textNode(printed);
        }
        return NODES.numberNode(Double.parseDouble(printed));
    }

    private static JsonNode enumeration(FieldDescriptor field, EnumValueDescriptor value) {
        if (field.getEnumType().getFullName().equals("google.protobuf.NullValue")) {
            return NODES.nullNode();
        }
        return value.getIndex() == -1 ? NODES.numberNode(value.getNumber()) : NODES.textNode(value.getName());
    }
}
