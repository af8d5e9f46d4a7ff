package dev.switchboard.qualitygates;

import static dev.switchboard.qualitygates.Checks.check;
import static dev.switchboard.qualitygates.Checks.code;
import static dev.switchboard.qualitygates.Checks.gate;
import static dev.switchboard.qualitygates.Checks.params;
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

class AllowDenyGateTest {

    private static OperationRequest by(String principal) {
        return OperationRequest.builder("room.create").caller(Caller.of(principal)).build();
    }

    @Test
    void paramAllowListWithWildcards() {
        QualityGate regions = gate(new AllowDenyGateProvider(),
                "{\"subject\": \"param\", \"path\": \"region\", \"allow\": [\"eu-*\", \"us-east\"]}");
        assertThat(regions.weight()).isEqualTo(100);
        assertThat(regions.before(check(params("{\"region\": \"eu-west\"}")))).isEqualTo(GateVerdict.pass());
        GateVerdict verdict = regions.before(check(params("{\"region\": \"ap-south\"}")));
        assertThat(code(verdict)).isEqualTo(FailureCode.GATE_REJECTED);
        assertThat(violations(verdict)).containsExactly(new Violation("allow-deny.not-allowed", "$.region",
                "parameter region 'ap-south' is not on the allow list of gate g1", "allowed values: eu-*, us-east"));
        assertThat(violations(regions.before(check(params("{}"))))).extracting(Violation::code, Violation::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("allow-deny.missing", "$.region"));
    }

    @Test
    void denyWinsAndAbsentValuePassesADenyOnlyList() {
        QualityGate noAdminRooms = gate(new AllowDenyGateProvider(),
                "{\"subject\": \"param\", \"path\": \"name\", \"allow\": [\"*\"], \"deny\": [\"admin*\"]}");
        assertThat(violations(noAdminRooms.before(check(params("{\"name\": \"admin-room\"}")))))
                .extracting(Violation::code, Violation::message).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "allow-deny.denied", "parameter name 'admin-room' is denied by gate g1 (entry 'admin*')"));
        QualityGate denyOnly = gate(new AllowDenyGateProvider(),
                "{\"subject\": \"param\", \"path\": \"name\", \"deny\": [\"admin\"]}");
        assertThat(denyOnly.before(check(params("{}")))).isEqualTo(GateVerdict.pass());
        assertThat(denyOnly.before(check(params("{\"name\": 42}")))).isEqualTo(GateVerdict.pass());
    }

    @Test
    void principalLists() {
        QualityGate gate = gate(new AllowDenyGateProvider(),
                "{\"subject\": \"principal\", \"deny\": [\"intern-*\"]}");
        assertThat(gate.before(check(by("ops-bot")))).isEqualTo(GateVerdict.pass());
        GateVerdict verdict = gate.before(check(by("intern-7")));
        assertThat(code(verdict)).isEqualTo(FailureCode.PERMISSION_DENIED);
        assertThat(violations(verdict)).extracting(Violation::path, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("$", "allow-deny.denied"));
    }

    @Test
    void tagLists() {
        QualityGate tenants = gate(new AllowDenyGateProvider(),
                "{\"subject\": \"tag\", \"tag\": \"tenant\", \"allow\": [\"acme\", \"globex\"]}");
        var acme = OperationRequest.builder("room.create").tag("tenant", "acme").build();
        var other = OperationRequest.builder("room.create").tag("tenant", "initech").build();
        assertThat(tenants.before(check(acme))).isEqualTo(GateVerdict.pass());
        assertThat(violations(tenants.before(check(other)))).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo("allow-deny.not-allowed");
            assertThat(v.hint()).isEqualTo("send the tag tenant with one of: acme, globex");
        });
        assertThat(violations(tenants.before(check(by("x"))))).extracting(Violation::code)
                .containsExactly("allow-deny.missing");
    }

    @Test
    void settingsErrors() {
        assertThatThrownBy(() -> gate(new AllowDenyGateProvider(), "{\"allow\": [\"a\"]}"))
                .isInstanceOf(ConfigException.class).hasMessage("modes/test.toml:7:subject: missing; it is required");
        assertThatThrownBy(() -> gate(new AllowDenyGateProvider(), "{\"subject\": \"role\", \"allow\": [\"a\"]}"))
                .hasMessage("modes/test.toml:7:subject: must be one of param, principal, tag, got 'role'");
        assertThatThrownBy(() -> gate(new AllowDenyGateProvider(), "{\"subject\": \"principal\"}"))
                .hasMessage("modes/test.toml:7:deny: an allow-deny gate needs a non-empty allow or deny list");
        assertThatThrownBy(() -> gate(new AllowDenyGateProvider(),
                "{\"subject\": \"principal\", \"allow\": [\"a\", 3]}"))
                .hasMessage("modes/test.toml:7:allow[1]: must be a non-empty string, got number 3");
        assertThatThrownBy(() -> gate(new AllowDenyGateProvider(),
                "{\"subject\": \"principal\", \"path\": \"x\", \"allow\": [\"a\"]}"))
                .hasMessage("modes/test.toml:7:path: only used with subject = \"param\"");
        assertThatThrownBy(() -> gate(new AllowDenyGateProvider(), "{\"subject\": \"tag\", \"allow\": [\"a\"]}"))
                .hasMessage("modes/test.toml:7:tag: missing; it is required");
    }
}
