package dev.switchboard.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;

/**
 * Loads the vendored published schemas (src/test/resources/schemas/SOURCES.md) for everit: drops
 * {@code $schema} and inlines the Kubernetes {@code _definitions.json} so its references resolve.
 */
final class Schemas {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ObjectNode definitions;

    private Schemas() {
    }

    static Schema compose() {
        ObjectNode schema = resource("/schemas/compose/compose-spec.json");
        schema.remove("$schema");
        return load(schema);
    }

    static synchronized Schema kubernetes(String file) {
        if (definitions == null) {
            definitions = resource("/schemas/kubernetes/_definitions.json");
        }
        String text = resource("/schemas/kubernetes/" + file).toString()
                .replace("/api/_definitions.json#/$defs/", "#/$defs/");
        ObjectNode schema = (ObjectNode) read(text);
        schema.remove("$schema");
        String defs = definitions.get("$defs").toString().replace("/api/_definitions.json#/$defs/", "#/$defs/");
        schema.set("$defs", read(defs));
        return load(schema);
    }

    /** The violations of {@code doc} (a YAML text), empty when it validates. */
    static List<String> violations(Schema schema, String yaml) {
        JsonNode doc;
        try {
            doc = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            schema.validate(new JSONObject(doc.toString()));
            return List.of();
        } catch (ValidationException e) {
            return new ArrayList<>(e.getAllMessages());
        }
    }

    private static Schema load(ObjectNode schema) {
        return SchemaLoader.builder().draftV7Support().schemaJson(new JSONObject(schema.toString())).build().load()
                .build();
    }

    private static ObjectNode resource(String path) {
        try (InputStream in = Schemas.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
