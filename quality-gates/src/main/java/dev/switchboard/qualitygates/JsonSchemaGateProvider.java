package dev.switchboard.qualitygates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.GateSettings;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.QualityGateProvider;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Builds {@code json-schema} gates. Key {@code schema} (optional): a schema as a TOML table or a JSON
 * string; without it the gate checks each operation's own input schema. Thread-safe.
 */
@Extension
public final class JsonSchemaGateProvider implements QualityGateProvider {

    /** Creates the provider (for ServiceLoader and PF4J). */
    public JsonSchemaGateProvider() {
        // stateless
    }

    @Override
    public String type() {
        return GateTypes.JSON_SCHEMA;
    }

    @Override
    public QualityGate create(GateSettings settings) {
        Settings s = Settings.of(settings, Set.of("schema"));
        if (!s.has("schema")) {
            return JsonSchemaGate.perOperation(settings.name());
        }
        JsonNode node = s.node("schema");
        ObjectNode schema;
        try {
            schema = node.isTextual() ? Json.object(node.asText()) : (ObjectNode) node;
        } catch (IllegalArgumentException | ClassCastException e) {
            throw s.invalid("schema", "must be a table or a JSON object string: " + e.getMessage());
        }
        try {
            return JsonSchemaGate.fixed(settings.name(), schema, SchemaCompiler.compile(schema));
        } catch (IllegalArgumentException e) {
            throw s.invalid("schema", "not a valid JSON Schema: " + e.getMessage());
        }
    }
}
