package dev.switchboard.qualitygates;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;

/** Converts Jackson trees into the org.json trees everit validates. Stateless, thread-safe. */
final class OrgJson {

    private OrgJson() {
    }

    static Object of(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> object(node);
            case ARRAY -> {
                JSONArray a = new JSONArray(node.size());
                node.forEach(item -> a.put(of(item)));
                yield a;
            }
            case STRING -> node.textValue();
            case BOOLEAN -> node.booleanValue();
            case NUMBER -> node.numberValue();
            case BINARY, POJO -> node.asText();
            default -> JSONObject.NULL;
        };
    }

    static JSONObject object(JsonNode node) {
        JSONObject o = new JSONObject();
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            o.put(f.getKey(), of(f.getValue()));
        }
        return o;
    }
}
