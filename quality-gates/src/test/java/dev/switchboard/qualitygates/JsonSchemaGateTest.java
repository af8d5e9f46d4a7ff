package dev.switchboard.qualitygates;

import static dev.switchboard.qualitygates.Checks.check;
import static dev.switchboard.qualitygates.Checks.code;
import static dev.switchboard.qualitygates.Checks.fixedTime;
import static dev.switchboard.qualitygates.Checks.gate;
import static dev.switchboard.qualitygates.Checks.params;
import static dev.switchboard.qualitygates.Checks.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.GateVerdict;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSchemaGateTest {

    private static final OperationDescriptor CREATE = OperationDescriptor.builder("room.create").inputSchema("""
            {"type": "object", "additionalProperties": false, "required": ["name"],
             "properties": {
               "name": {"type": "string", "pattern": "^[a-z0-9-]{3,64}$"},
               "max-participants": {"type": "integer", "minimum": 1},
               "tracks": {"type": "array", "items": {"type": "object", "required": ["sid"],
                          "properties": {"sid": {"type": "string"}}}},
               "codec": {"enum": ["opus", "pcmu"]}
             }}""").build();

    private final JsonSchemaGate gate = (JsonSchemaGate) gate(new JsonSchemaGateProvider(), "{}");

    private GateVerdict run(String json) {
        return gate.before(check(params(json), CREATE, fixedTime()));
    }

    @Test
    void validParametersPass() {
        assertThat(run("{\"name\": \"standup-42\", \"max-participants\": 5, \"tracks\": [{\"sid\": \"TR_1\"}]}"))
                .isEqualTo(GateVerdict.pass());
    }

    @Test
    void reportsEveryViolationWithItsPathCodeAndHint() {
        GateVerdict verdict = run("{\"max-participants\": \"many\", \"tracks\": [{\"sid\": \"a\"}, {}],"
                + " \"extra\": 1}");
        assertThat(code(verdict)).isEqualTo(FailureCode.INVALID_REQUEST);
        List<Violation> v = violations(verdict);
        assertThat(v).extracting(Violation::code, Violation::path).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("schema.required", "$.name"),
                org.assertj.core.groups.Tuple.tuple("schema.type", "$['max-participants']"),
                org.assertj.core.groups.Tuple.tuple("schema.required", "$.tracks[1].sid"),
                org.assertj.core.groups.Tuple.tuple("schema.additional-properties", "$.extra"));
        Violation extra = v.stream().filter(x -> x.path().equals("$.extra")).findFirst().orElseThrow();
        assertThat(extra.message()).isEqualTo("unknown parameter 'extra' is not accepted");
        assertThat(extra.hint()).isEqualTo("remove it; accepted here: codec, max-participants, name, tracks");
        Violation name = v.stream().filter(x -> x.path().equals("$.name")).findFirst().orElseThrow();
        assertThat(name.hint()).isEqualTo("add 'name' to the parameters");
        Violation type = v.stream().filter(x -> x.code().equals("schema.type")).findFirst().orElseThrow();
        assertThat(type.hint()).isEqualTo("send a value of type integer");
    }

    @Test
    void patternViolationNamesThePatternInTheHint() {
        List<Violation> v = violations(run("{\"name\": \"Room A\"}"));
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("schema.pattern");
            assertThat(x.path()).isEqualTo("$.name");
            assertThat(x.message()).contains("Room A");
            assertThat(x.hint()).isEqualTo("the value must match the regular expression ^[a-z0-9-]{3,64}$");
        });
    }

    @Test
    void enumAndMinimumViolations() {
        List<Violation> v = violations(run("{\"name\": \"abc\", \"codec\": \"mp3\", \"max-participants\": 0}"));
        assertThat(v).extracting(Violation::code).containsExactlyInAnyOrder("schema.enum", "schema.minimum");
        assertThat(v).filteredOn(x -> x.code().equals("schema.enum")).singleElement()
                .satisfies(x -> assertThat(x.hint()).contains("opus").contains("pcmu"));
    }

    @Test
    void compilesEachOperationSchemaOnceAndRecompilesWhenItChanges() {
        run("{\"name\": \"abc\"}");
        run("{\"name\": \"def\"}");
        assertThat(gate.cachedSchemas()).isEqualTo(1);
        OperationDescriptor changed = OperationDescriptor.builder("room.create")
                .inputSchema("{\"type\": \"object\", \"required\": [\"size\"]}").build();
        GateVerdict verdict = gate.before(check(params("{\"name\": \"abc\"}"), changed, fixedTime()));
        assertThat(violations(verdict)).extracting(Violation::path).containsExactly("$.size");
        assertThat(gate.cachedSchemas()).isEqualTo(1);
    }

    @Test
    void confirmFlagIsNoSchemaViolationOnDestructiveOperations() {
        OperationDescriptor delete = OperationDescriptor.builder("room.delete").destructive(true).inputSchema(
                "{\"type\": \"object\", \"additionalProperties\": false, \"properties\": {\"name\": {}}}").build();
        OperationDescriptor plain = OperationDescriptor.builder("room.rename").inputSchema(
                "{\"type\": \"object\", \"additionalProperties\": false, \"properties\": {\"name\": {}}}").build();
        var request = params("{\"name\": \"abc\", \"confirm\": true}");
        assertThat(gate.before(check(request, delete, fixedTime()))).isEqualTo(GateVerdict.pass());
        assertThat(violations(gate.before(check(request, plain, fixedTime()))))
                .extracting(Violation::path).containsExactly("$.confirm");
    }

    @Test
    void anUnusableOperationSchemaBlocksAsInternalInsteadOfThrowing() {
        OperationDescriptor broken = OperationDescriptor.builder("room.broken")
                .inputSchema("{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"strnig\"}}}").build();
        GateVerdict verdict = gate.before(check(params("{}"), broken, fixedTime()));
        assertThat(code(verdict)).isEqualTo(FailureCode.INTERNAL);
        assertThat(violations(verdict)).singleElement()
                .satisfies(x -> assertThat(x.code()).isEqualTo("schema.unusable"));
    }

    @Test
    void aSchemaFromTheSettingsIsUsedInsteadOfTheOperations() {
        var fixed = gate(new JsonSchemaGateProvider(),
                "{\"schema\": {\"type\": \"object\", \"required\": [\"region\"]}}");
        assertThat(violations(fixed.before(check(params("{\"name\": \"abc\"}"), CREATE, fixedTime()))))
                .extracting(Violation::code, Violation::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("schema.required", "$.region"));
        var asString = gate(new JsonSchemaGateProvider(), "{\"schema\": \"{\\\"type\\\": \\\"object\\\"}\"}");
        assertThat(asString.before(check(params("{}"), CREATE, fixedTime()))).isEqualTo(GateVerdict.pass());
    }

    @Test
    void badSchemaSettingsAreConfigErrorsAtTheKey() {
        assertThatThrownBy(() -> gate(new JsonSchemaGateProvider(), "{\"schema\": 3}"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("modes/test.toml:7:schema: ");
        assertThatThrownBy(() -> gate(new JsonSchemaGateProvider(),
                "{\"schema\": {\"type\": \"object\", \"properties\": {\"a\": {\"pattern\": \"([\"}}}}"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("modes/test.toml:7:schema: not a valid");
        assertThatThrownBy(() -> gate(new JsonSchemaGateProvider(), "{\"schemas\": {}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("modes/test.toml:7:schemas: unknown key for a 'json-schema' gate; known keys: schema");
    }

    @Test
    void remoteReferencesAreRefused() {
        assertThatThrownBy(() -> gate(new JsonSchemaGateProvider(),
                "{\"schema\": {\"$ref\": \"http://192.0.2.1/schema.json\"}}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("remote $ref");
    }
}
