package dev.switchboard.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.everit.json.schema.Schema;
import org.everit.json.schema.SchemaException;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONException;
import org.json.JSONObject;
import org.json.JSONTokener;

/**
 * JSON Schema draft-07 checks with everit: is a schema valid (against the draft-07 meta-schema, and
 * loadable), does a document match a schema. Thread-safe (everit schemas are immutable).
 */
final class SchemaCheck {

    private static final Schema META = load(metaSchema());

    private SchemaCheck() {
    }

    /** What is wrong with {@code schema} as a draft-07 JSON Schema; empty when it is valid. */
    static List<String> problems(ObjectNode schema) {
        JSONObject json = new JSONObject(schema.toString());
        List<String> found = validate(META, json);
        if (!found.isEmpty()) {
            return found;
        }
        try {
            load(json);
            return List.of();
        } catch (SchemaException | JSONException e) {
            return List.of(e.getMessage());
        }
    }

    /** Where {@code document} does not match {@code schema}; empty when it does. */
    static List<String> mismatches(ObjectNode schema, JsonNode document) {
        Object json = new JSONTokener(document.toString()).nextValue();
        return validate(load(new JSONObject(schema.toString())), json);
    }

    private static List<String> validate(Schema schema, Object json) {
        try {
            schema.validate(json);
            return List.of();
        } catch (ValidationException e) {
            return e.getAllMessages();
        }
    }

    private static Schema load(JSONObject json) {
        return SchemaLoader.builder().draftV7Support().schemaJson(json).build().load().build();
    }

    private static JSONObject metaSchema() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream("json-schema-draft-07.json")) {
            if (in == null) {
                throw new IllegalStateException("json-schema-draft-07.json is missing from the testkit JAR");
            }
            return new JSONObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
