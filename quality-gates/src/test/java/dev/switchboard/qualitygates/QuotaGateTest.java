package dev.switchboard.qualitygates;

import static dev.switchboard.qualitygates.Checks.code;
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
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuotaGateTest {

    private final ManualTime time = new ManualTime(Instant.parse("2026-11-21T09:40:00Z"));

    private GateVerdict call(QualityGate gate, String principal) {
        var request = OperationRequest.builder("room.create").caller(Caller.of(principal)).build();
        return gate.before(Checks.check(request, Checks.ROOM_CREATE, time));
    }

    @Test
    void countsPerKeyInEpochAlignedWindows() {
        QualityGate quota = Checks.gate(new QuotaGateProvider(), "{\"limit\": 3, \"window\": \"1h\"}");
        for (int i = 0; i < 3; i++) {
            assertThat(call(quota, "ann")).isEqualTo(GateVerdict.pass());
        }
        GateVerdict fourth = call(quota, "ann");
        assertThat(code(fourth)).isEqualTo(FailureCode.RATE_LIMITED);
        assertThat(violations(fourth)).containsExactly(new Violation("quota.exhausted", "$",
                "quota of gate g1 (3 per 1h for caller 'ann') is used up",
                "retry after 2026-11-21T10:00:00Z (in 20 min)"));
        assertThat(call(quota, "bob")).isEqualTo(GateVerdict.pass());

        time.advance(Duration.ofMinutes(19).plusSeconds(59));
        assertThat(call(quota, "ann")).isInstanceOf(GateVerdict.Block.class);
        time.advance(Duration.ofSeconds(1));
        assertThat(call(quota, "ann")).as("a new window started at 10:00").isEqualTo(GateVerdict.pass());
    }

    @Test
    void settingsErrors() {
        assertThatThrownBy(() -> Checks.gate(new QuotaGateProvider(), "{\"limit\": 3}"))
                .isInstanceOf(ConfigException.class).hasMessage("modes/test.toml:7:window: missing; it is required");
        assertThatThrownBy(() -> Checks.gate(new QuotaGateProvider(), "{\"limit\": 3, \"window\": \"-1h\"}"))
                .hasMessageStartingWith("modes/test.toml:7:window: ");
        assertThatThrownBy(() -> Checks.gate(new QuotaGateProvider(), "{\"limit\": 3, \"window\": \"1d\","
                + " \"period\": \"1s\"}"))
                .hasMessageStartingWith("modes/test.toml:7:period: unknown key for a 'quota' gate");
    }
}
