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

    private static final String SCOPE = "classpath:/schema/";
    private static final Schema GATES = load("gates.schema.json");
    private static final Schema MODE = load("mode.schema.json");

    /** Loads a schema the way the mode registry does: relative $refs resolve on the class path. */
    private static Schema load(String file) {
        try (InputStream in = open(SCOPE + file)) {
            return SchemaLoader.builder().draftV7Support().schemaClient(GatesSchemaTest::open)
                    .resolutionScope(SCOPE).schemaJson(new JSONObject(new JSONTokener(in))).build().load().build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream open(String url) {
        assertThat(url).startsWith(SCOPE);
        InputStream in = GatesSchemaTest.class.getResourceAsStream("/schema/" + url.substring(SCOPE.length()));
        assertThat(in).as(url + " from switchboard-modes").isNotNull();
        return in;
    }

    private static void validate(String toml) throws IOException {
        JSONObject mode = new JSONObject(new TomlMapper().readTree(toml).toString());
        GATES.validate(new JSONArray(mode.getJSONArray("gates").toString()));
        MODE.validate(mode);
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
    void anEntryWithoutTypeGetsOneProblemNotTheKeysOfEveryType() {
        String toml = """
                [[gates]]
                name = "n"
                applies-to = ["*"]
                """;
        assertThatThrownBy(() -> MODE.validate(new JSONObject(new TomlMapper().readTree(toml).toString())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getAllMessages())
                        .containsExactly("#/gates/0: required key [type] not found"));
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
