package dev.switchboard.coordinator.internal;

import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.GateCheck;
import dev.switchboard.spi.GateVerdict;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.Violation;
import java.util.List;
import java.util.Optional;

/**
 * Runs an operation's gates in weight order, before (may refuse the request) or after (may refuse
 * the result). The first block wins and is counted per gate. A gate that throws refuses with an
 * {@code internal} failure naming the gate and the exception class. Stateless, thread-safe.
 */
final class GateRunner {

    private GateRunner() {
    }

    static Optional<OperationResult.Failure> before(
            List<QualityGate> gates, GateCheck check, OperationMetrics metrics) {
        for (QualityGate gate : gates) {
            GateVerdict verdict;
            try {
                verdict = gate.before(check);
            } catch (RuntimeException e) {
                return Optional.of(broken(gate, e));
            }
            if (verdict instanceof GateVerdict.Block block) {
                metrics.gateRejected(check.operation().name(), gate.name());
                return Optional.of(OperationResult.rejected(block.code(),
                        "gate '" + gate.name() + "' refused the request: " + summary(block.violations()),
                        block.violations()));
            }
        }
        return Optional.empty();
    }

    static Optional<OperationResult.Failure> after(List<QualityGate> gates, GateCheck check,
            OperationResult.Success result, OperationMetrics metrics) {
        for (QualityGate gate : gates) {
            GateVerdict verdict;
            try {
                verdict = gate.after(check, result);
            } catch (RuntimeException e) {
                return Optional.of(broken(gate, e));
            }
            if (verdict instanceof GateVerdict.Block block) {
                metrics.gateRejected(check.operation().name(), gate.name());
                String code = FailureCode.GATE_REJECTED.equals(block.code())
                        ? FailureCode.VERIFICATION_FAILED : block.code();
                return Optional.of(OperationResult.rejected(code,
                        "gate '" + gate.name() + "' could not verify the effect: " + summary(block.violations()),
                        block.violations()));
            }
        }
        return Optional.empty();
    }

    private static OperationResult.Failure broken(QualityGate gate, RuntimeException e) {
        return OperationResult.failure(FailureCode.INTERNAL,
                "gate '" + gate.name() + "' failed with " + e.getClass().getName());
    }

    private static String summary(List<Violation> violations) {
        Violation first = violations.get(0);
        String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "";
        return first.path() + ": " + first.message() + more;
    }
}
