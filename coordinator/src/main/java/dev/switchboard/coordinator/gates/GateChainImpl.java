package dev.switchboard.coordinator.gates;

import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.GateCheck;
import dev.switchboard.spi.GateVerdict;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link GateChain}: see its contract. Immutable, thread-safe. */
final class GateChainImpl implements GateChain {

    private static final Logger LOG = LoggerFactory.getLogger(GateChain.class);

    private final List<QualityGate> gates;

    GateChainImpl(List<QualityGate> gates) {
        List<QualityGate> sorted = new ArrayList<>(gates);
        sorted.sort(Comparator.comparingInt(QualityGate::weight));
        this.gates = List.copyOf(sorted);
    }

    @Override
    public List<QualityGate> gates() {
        return gates;
    }

    @Override
    public GateVerdict before(GateCheck check) {
        Collector c = new Collector();
        for (QualityGate gate : gates) {
            boolean consuming = gate.weight() >= CONSUMING_WEIGHT;
            if (consuming && c.blocked()) {
                break;
            }
            c.add(run(gate, check, () -> gate.before(check)));
            if (consuming && c.blocked()) {
                break;
            }
        }
        return c.verdict();
    }

    @Override
    public GateVerdict after(GateCheck check, OperationResult.Success result) {
        Collector c = new Collector();
        for (QualityGate gate : gates) {
            c.add(run(gate, check, () -> gate.after(check, result)));
        }
        return c.verdict();
    }

    private static GateVerdict run(QualityGate gate, GateCheck check, Supplier<GateVerdict> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            LOG.warn("gate {} failed on {} (request {})", gate.name(), check.operation().name(),
                    check.request().requestId(), e);
            return new GateVerdict.Block(FailureCode.INTERNAL, List.of(new Violation("gate.error", "$",
                    "gate " + gate.name() + " failed with " + e.getClass().getSimpleName(),
                    "this is a fault of the gate, not of the request; the coordinator log has the details")));
        }
    }

    /** Collects violations across gates; the first blocking gate's code wins. Not thread-safe. */
    private static final class Collector {
        private final List<Violation> violations = new ArrayList<>();
        private String code = "";

        void add(GateVerdict verdict) {
            if (verdict instanceof GateVerdict.Block b) {
                if (code.isEmpty()) {
                    code = b.code();
                }
                violations.addAll(b.violations());
            }
        }

        boolean blocked() {
            return !violations.isEmpty();
        }

        GateVerdict verdict() {
            return violations.isEmpty() ? GateVerdict.pass() : new GateVerdict.Block(code, violations);
        }
    }
}
