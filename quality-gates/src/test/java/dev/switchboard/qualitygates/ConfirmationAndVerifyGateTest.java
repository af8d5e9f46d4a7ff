package dev.switchboard.qualitygates;

import static dev.switchboard.qualitygates.Checks.code;
import static dev.switchboard.qualitygates.Checks.fixedTime;
import static dev.switchboard.qualitygates.Checks.gate;
import static dev.switchboard.qualitygates.Checks.params;
import static dev.switchboard.qualitygates.Checks.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.GateCheck;
import dev.switchboard.spi.GateVerdict;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.Violation;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConfirmationAndVerifyGateTest {

    private static final OperationDescriptor DELETE =
            OperationDescriptor.builder("room.delete").destructive(true).build();

    private final QualityGate confirmation = gate(new ConfirmationGateProvider(), "{}");

    private GateVerdict confirm(OperationRequest request) {
        return confirmation.before(Checks.check(request, DELETE, fixedTime()));
    }

    @Test
    void destructiveOperationNeedsConfirmation() {
        GateVerdict verdict = confirm(params("{\"name\": \"abc\"}"));
        assertThat(code(verdict)).isEqualTo(FailureCode.GATE_REJECTED);
        assertThat(violations(verdict)).containsExactly(new Violation("confirmation.required", "$.confirm",
                "room.delete is destructive and needs an explicit confirmation (gate g1)",
                "send the parameter \"confirm\": true (CLI: --param confirm=true) or the tag confirmed=true"));
        assertThat(confirmation.weight()).isEqualTo(600);
    }

    @Test
    void confirmedByParamOrTag() {
        assertThat(confirm(params("{\"confirm\": true}"))).isEqualTo(GateVerdict.pass());
        assertThat(confirm(params("{\"confirm\": \"true\"}"))).isEqualTo(GateVerdict.pass());
        assertThat(confirm(OperationRequest.builder("room.delete").tag("confirmed", "true").build()))
                .isEqualTo(GateVerdict.pass());
        assertThat(confirm(params("{\"confirm\": false}"))).isInstanceOf(GateVerdict.Block.class);
        assertThat(confirm(params("{\"confirm\": 1}"))).isInstanceOf(GateVerdict.Block.class);
        assertThat(confirm(OperationRequest.builder("room.delete").tag("confirmed", "yes").build()))
                .isInstanceOf(GateVerdict.Block.class);
    }

    @Test
    void confirmationTakesNoKeys() {
        assertThatThrownBy(() -> gate(new ConfirmationGateProvider(), "{\"param\": \"sure\"}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("modes/test.toml:7:param: unknown key for a 'confirmation' gate; known keys: none");
    }

    @Test
    void postVerifyCallsTheVerifyHookAfterTheOperation() {
        QualityGate verify = gate(new PostVerifyGateProvider(), "{}");
        AtomicInteger calls = new AtomicInteger();
        Violation missing = new Violation("room.absent", "$.name", "room abc does not exist after create", "");
        GateCheck failing = new GateCheck(params("{\"name\": \"abc\"}"), Checks.ROOM_CREATE, fixedTime(), () -> {
            calls.incrementAndGet();
            return List.of(missing);
        });
        var ok = OperationResult.success(Json.object());
        assertThat(verify.before(failing)).isEqualTo(GateVerdict.pass());
        assertThat(calls).hasValue(0);
        GateVerdict verdict = verify.after(failing, ok);
        assertThat(calls).hasValue(1);
        assertThat(code(verdict)).isEqualTo(FailureCode.VERIFICATION_FAILED);
        assertThat(violations(verdict)).containsExactly(missing);
        GateCheck passing = new GateCheck(params("{}"), Checks.ROOM_CREATE, fixedTime(), List::of);
        assertThat(verify.after(passing, ok)).isEqualTo(GateVerdict.pass());
        assertThat(verify.weight()).isEqualTo(900);
    }
}
