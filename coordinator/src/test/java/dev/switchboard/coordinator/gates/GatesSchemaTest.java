package dev.switchboard.coordinator.gates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.InputStream;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONArray;
import org.json.JSONObject;
import org.json.JSONTokener;
import org.junit.jupiter.api.Test;

/** The published {@code schema/gates.schema.json} accepts what the policy accepts and flags typos. */
class GatesSchemaTest {

    private static final Schema SCHEMA = load();

    private static Schema load() {
        try (InputStream in = GatesSchemaTest.class.getResourceAsStream("/schema/gates.schema.json")) {
            assertThat(in).as("schema/gates.schema.json from switchboard-modes").isNotNull();
            return SchemaLoader.builder().draftV7Support().schemaJson(new JSONObject(new JSONTokener(in)))
                    .build().load().build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void validate(String toml) throws IOException {
        String json = new TomlMapper().readTree(toml).path("gates").toString();
        SCHEMA.validate(new JSONArray(json));
    }

    @Test
    void acceptsEveryBuiltInTypeAndPluginTypes() throws IOException {
        validate(GatesDocExamples.ALL);
        validate("""
                [[gates]]
                name = "payload-size"
                type = "data-size"
                applies-to = ["data.send"]
                max-reliable-bytes = 15000
                """);
        ModeGatePolicy.build(TomlGates.parse(GatesDocExamples.ALL), GateProviders.builtIn());
    }

    @Test
    void flagsUnknownKeysMissingKeysAndBadValues() {
        assertThatThrownBy(() -> validate("""
                [[gates]]
                name = "n"
                type = "naming"
                applies-to = ["room.*"]
                path = "name"
                patern = "x"
                """)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> validate("""
                [[gates]]
                name = "n"
                type = "roles"
                roles = ["admin"]
                """)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getAllMessages())
                        .anySatisfy(m -> assertThat(m).contains("required key [applies-to] not found")));
        assertThatThrownBy(() -> validate("""
                [[gates]]
                name = "n"
                type = "rate-limit"
                applies-to = ["*"]
                limit = 10
                key = "param"
                """)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> validate("""
                [[gates]]
                name = "n"
                type = "quota"
                applies-to = ["*"]
                limit = 10
                window = "soon"
                """)).isInstanceOf(ValidationException.class);
    }
}
