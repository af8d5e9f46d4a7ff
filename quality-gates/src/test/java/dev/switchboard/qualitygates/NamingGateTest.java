package dev.switchboard.qualitygates;

import static dev.switchboard.qualitygates.Checks.check;
import static dev.switchboard.qualitygates.Checks.code;
import static dev.switchboard.qualitygates.Checks.gate;
import static dev.switchboard.qualitygates.Checks.params;
import static dev.switchboard.qualitygates.Checks.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.GateVerdict;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.Violation;
import org.junit.jupiter.api.Test;

class NamingGateTest {

    private static final String ROOM_RULE = """
            {"path": "name", "pattern": "^[a-z0-9-]{3,64}$", "rule": "3-64 lower-case letters, digits or dashes"}""";

    private final QualityGate roomNames = gate(new NamingGateProvider(), ROOM_RULE);

    @Test
    void matchingNamePasses() {
        assertThat(roomNames.before(check(params("{\"name\": \"standup-42\"}")))).isEqualTo(GateVerdict.pass());
        assertThat(roomNames.weight()).isEqualTo(300);
    }

    @Test
    void mismatchNamesPathValueAndRule() {
        GateVerdict verdict = roomNames.before(check(params("{\"name\": \"Standup 42\"}")));
        assertThat(code(verdict)).isEqualTo(FailureCode.INVALID_REQUEST);
        assertThat(violations(verdict)).containsExactly(new Violation("naming.mismatch", "$.name",
                "'Standup 42' does not follow the naming rule of gate g1",
                "rule: 3-64 lower-case letters, digits or dashes (^[a-z0-9-]{3,64}$)"));
    }

    @Test
    void absentValuePassesUnlessRequired() {
        assertThat(roomNames.before(check(params("{}")))).isEqualTo(GateVerdict.pass());
        QualityGate required = gate(new NamingGateProvider(), "{\"path\": \"room.name\", \"pattern\": \"[a-z]+\","
                + " \"required\": true}");
        assertThat(violations(required.before(check(params("{}")))))
                .extracting(Violation::code, Violation::path, Violation::hint)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("naming.missing", "$.room.name",
                        "add it; the value must match [a-z]+"));
    }

    @Test
    void nonTextAndWildcardPaths() {
        QualityGate identities = gate(new NamingGateProvider(),
                "{\"path\": \"$.participants[*].identity\", \"pattern\": \"[a-z]+\"}");
        GateVerdict verdict = identities.before(check(params(
                "{\"participants\": [{\"identity\": \"ann\"}, {\"identity\": \"B0B\"}, {\"identity\": 7}]}")));
        assertThat(violations(verdict)).extracting(Violation::code, Violation::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("naming.mismatch", "$.participants[1].identity"),
                org.assertj.core.groups.Tuple.tuple("naming.not-text", "$.participants[2].identity"));
    }

    @Test
    void settingsErrorsNameTheKey() {
        assertThatThrownBy(() -> gate(new NamingGateProvider(), "{\"path\": \"name\", \"pattern\": \"([a-z\"}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("modes/test.toml:7:pattern: invalid regular expression");
        assertThatThrownBy(() -> gate(new NamingGateProvider(), "{\"pattern\": \"x\"}"))
                .hasMessage("modes/test.toml:7:path: missing; it is required");
        assertThatThrownBy(() -> gate(new NamingGateProvider(), "{\"path\": \"a..b\", \"pattern\": \"x\"}"))
                .hasMessageStartingWith("modes/test.toml:7:path: 'a..b' is not a parameter path");
        assertThatThrownBy(() -> gate(new NamingGateProvider(), "{\"path\": \"a\", \"pattern\": \"x\", \"rules\": 1}"))
                .hasMessageStartingWith("modes/test.toml:7:rules: unknown key for a 'naming' gate");
        assertThatThrownBy(() -> gate(new NamingGateProvider(), "{\"path\": \"a\", \"pattern\": \"x\","
                + " \"required\": \"yes\"}"))
                .hasMessage("modes/test.toml:7:required: must be true or false, got string \"yes\"");
    }
}
