package dev.switchboard.coordinator.modes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;

/** Converts Jackson trees to the org.json trees everit validates. Stateless and thread-safe. */
final class JsonOrg {

    private JsonOrg() {
    }

    /** The org.json value for a Jackson node: JSONObject, JSONArray, String, Number, Boolean or NULL. */
    static Object convert(JsonNode node) {
        if (node.isObject()) {
            JSONObject object = new JSONObject();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                object.put(field.getKey(), convert(field.getValue()));
            }
            return object;
        }
        if (node.isArray()) {
            JSONArray array = new JSONArray();
            for (JsonNode element : node) {
                array.put(convert(element));
            }
            return array;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull() || node.isMissingNode()) {
            return JSONObject.NULL;
        }
        return node.asText();
    }
}
