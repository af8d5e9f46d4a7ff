package dev.switchboard.qualitygates;

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
import dev.switchboard.spi.Violation;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimitGateTest {

    private final ManualTime time = new ManualTime(Instant.parse("2026-11-21T09:00:00Z"));

    private GateVerdict call(RateLimitGate gate, String principal) {
        var request = OperationRequest.builder("room.create").caller(Caller.of(principal)).build();
        return gate.before(Checks.check(request, Checks.ROOM_CREATE, time));
    }

    private RateLimitGate gate(String settings) {
        return (RateLimitGate) Checks.gate(new RateLimitGateProvider(), settings);
    }

    @Test
    void limitsPerCallerAndRefillsWithTheInjectedTime() {
        RateLimitGate gate = gate("{\"limit\": 2, \"period\": \"1s\"}");
        assertThat(call(gate, "ann")).isEqualTo(GateVerdict.pass());
        assertThat(call(gate, "ann")).isEqualTo(GateVerdict.pass());
        GateVerdict third = call(gate, "ann");
        assertThat(code(third)).isEqualTo(FailureCode.RATE_LIMITED);
        assertThat(violations(third)).containsExactly(new Violation("rate-limit.exceeded", "$",
                "rate limit of gate g1 (2 per 1s for caller 'ann') is exhausted", "retry in 1 s"));
        assertThat(call(gate, "bob")).as("another caller has its own budget").isEqualTo(GateVerdict.pass());

        time.advance(Duration.ofMillis(750));
        assertThat(violations(call(gate, "ann"))).singleElement()
                .satisfies(v -> assertThat(v.hint()).isEqualTo("retry in 250 ms"));
        time.advance(Duration.ofMillis(250));
        assertThat(call(gate, "ann")).isEqualTo(GateVerdict.pass());
        assertThat(call(gate, "ann")).isEqualTo(GateVerdict.pass());
        assertThat(call(gate, "ann")).isInstanceOf(GateVerdict.Block.class);
    }

    @Test
    void keyByParameterOperationOrGlobal() {
        RateLimitGate byRoom = gate("{\"limit\": 1, \"period\": \"1m\", \"key\": \"param\", \"path\": \"room\"}");
        var roomA = OperationRequest.builder("room.create").param("room", "a").build();
        var roomB = OperationRequest.builder("room.create").param("room", "b").build();
        assertThat(byRoom.before(Checks.check(roomA, Checks.ROOM_CREATE, time))).isEqualTo(GateVerdict.pass());
        assertThat(byRoom.before(Checks.check(roomB, Checks.ROOM_CREATE, time))).isEqualTo(GateVerdict.pass());
        GateVerdict again = byRoom.before(Checks.check(roomA, Checks.ROOM_CREATE, time));
        assertThat(violations(again)).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("$.room");
            assertThat(v.message()).contains("parameter room = 'a'");
            assertThat(v.hint()).isEqualTo("retry in 60 s");
        });
        RateLimitGate global = gate("{\"limit\": 1, \"key\": \"global\"}");
        assertThat(call(global, "ann")).isEqualTo(GateVerdict.pass());
        assertThat(call(global, "bob")).isInstanceOf(GateVerdict.Block.class);
    }

    @Test
    void distinctKeysBeyondMaxKeysShareOneBudget() {
        RateLimitGate gate = gate("{\"limit\": 1, \"period\": \"1h\", \"max-keys\": 2}");
        assertThat(call(gate, "a")).isEqualTo(GateVerdict.pass());
        assertThat(call(gate, "b")).isEqualTo(GateVerdict.pass());
        assertThat(call(gate, "c")).isEqualTo(GateVerdict.pass());
        assertThat(call(gate, "d")).as("d shares the overflow budget that c used")
                .isInstanceOf(GateVerdict.Block.class);
        assertThat(gate.keys()).isEqualTo(3);
    }

    @Test
    void settingsErrors() {
        assertThatThrownBy(() -> gate("{}")).isInstanceOf(ConfigException.class)
                .hasMessage("modes/test.toml:7:limit: missing; it is required");
        assertThatThrownBy(() -> gate("{\"limit\": 0}"))
                .hasMessage("modes/test.toml:7:limit: must be a whole number of at least 1, got number 0");
        assertThatThrownBy(() -> gate("{\"limit\": 1.5}"))
                .hasMessage("modes/test.toml:7:limit: must be a whole number of at least 1, got number 1.5");
        assertThatThrownBy(() -> gate("{\"limit\": 5, \"period\": \"soon\"}"))
                .hasMessage("modes/test.toml:7:period: 'soon' is not a duration; write 500ms, 1s, 5m, 1h, 1d or PT1M");
        assertThatThrownBy(() -> gate("{\"limit\": 5, \"period\": \"0s\"}"))
                .hasMessage("modes/test.toml:7:period: must be longer than zero, got '0s'");
        assertThatThrownBy(() -> gate("{\"limit\": 5, \"key\": \"param\"}"))
                .hasMessage("modes/test.toml:7:path: missing; it is required");
        assertThatThrownBy(() -> gate("{\"limit\": 5, \"key\": \"tenant\"}"))
                .hasMessage("modes/test.toml:7:key: must be one of caller, operation, param, global, got 'tenant'");
    }
}
