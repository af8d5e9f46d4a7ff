package dev.switchboard.qualitygates;

import static dev.switchboard.qualitygates.Checks.check;
import static dev.switchboard.qualitygates.Checks.code;
import static dev.switchboard.qualitygates.Checks.gate;
import static dev.switchboard.qualitygates.Checks.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.Caller;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.GateVerdict;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.Violation;
import org.junit.jupiter.api.Test;

class RolesGateTest {

    private static OperationRequest as(String... roles) {
        return OperationRequest.builder("room.create").caller(Caller.of("bob", roles)).build();
    }

    @Test
    void anyOfTheRoles() {
        QualityGate gate = gate(new RolesGateProvider(), "{\"roles\": [\"admin\", \"ops\"]}");
        assertThat(gate.weight()).isEqualTo(200);
        assertThat(gate.before(check(as("ops")))).isEqualTo(GateVerdict.pass());
        GateVerdict verdict = gate.before(check(as("viewer")));
        assertThat(code(verdict)).isEqualTo(FailureCode.PERMISSION_DENIED);
        assertThat(violations(verdict)).containsExactly(new Violation("roles.missing", "$",
                "caller 'bob' lacks the role any of: admin, ops required by gate g1 for room.create",
                "call with a principal that has any of: admin, ops"));
    }

    @Test
    void allOfTheRolesNamesTheMissingOnes() {
        QualityGate gate = gate(new RolesGateProvider(), "{\"roles\": [\"admin\", \"ops\"], \"match\": \"all\"}");
        assertThat(gate.before(check(as("ops", "admin", "viewer")))).isEqualTo(GateVerdict.pass());
        assertThat(violations(gate.before(check(as("ops"))))).singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith("caller 'bob' lacks the role admin required"));
    }

    @Test
    void settingsErrors() {
        assertThatThrownBy(() -> gate(new RolesGateProvider(), "{}"))
                .isInstanceOf(ConfigException.class).hasMessage("modes/test.toml:7:roles: missing; it is required");
        assertThatThrownBy(() -> gate(new RolesGateProvider(), "{\"roles\": []}"))
                .hasMessage("modes/test.toml:7:roles: must list at least one role");
        assertThatThrownBy(() -> gate(new RolesGateProvider(), "{\"roles\": [\"a\"], \"match\": \"some\"}"))
                .hasMessage("modes/test.toml:7:match: must be one of any, all, got 'some'");
        assertThatThrownBy(() -> gate(new RolesGateProvider(), "{\"roles\": \"admin\"}"))
                .hasMessage("modes/test.toml:7:roles: must be an array of strings, got string \"admin\"");
    }
}
