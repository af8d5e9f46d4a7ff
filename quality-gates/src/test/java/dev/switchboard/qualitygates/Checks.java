package dev.switchboard.qualitygates;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.GateCheck;
import dev.switchboard.spi.GateSettings;
import dev.switchboard.spi.GateVerdict;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.QualityGateProvider;
import dev.switchboard.spi.TimeSource;
import dev.switchboard.spi.Violation;
import java.time.Instant;
import java.util.List;

/** Builders for gate tests. */
final class Checks {

    static final String LOCATION = "modes/test.toml:7";
    static final OperationDescriptor ROOM_CREATE = OperationDescriptor.builder("room.create").build();

    private Checks() {
    }

    static TimeSource fixedTime() {
        return new ManualTime(Instant.parse("2026-11-21T09:00:00Z"));
    }

    static GateCheck check(OperationRequest request) {
        return check(request, ROOM_CREATE, fixedTime());
    }

    static GateCheck check(OperationRequest request, OperationDescriptor op, TimeSource time) {
        return new GateCheck(request, op, time, List::of);
    }

    static OperationRequest params(String json) {
        return OperationRequest.builder("room.create").params(Json.object(json)).build();
    }

    static QualityGate gate(QualityGateProvider provider, String settingsJson) {
        ObjectNode settings = Json.object(settingsJson);
        return provider.create(new GateSettings("g1", provider.type(), settings, LOCATION));
    }

    static List<Violation> violations(GateVerdict verdict) {
        if (verdict instanceof GateVerdict.Block b) {
            return b.violations();
        }
        throw new AssertionError("expected a Block, got " + verdict);
    }

    static String code(GateVerdict verdict) {
        if (verdict instanceof GateVerdict.Block b) {
            return b.code();
        }
        throw new AssertionError("expected a Block, got " + verdict);
    }
}
