package dev.switchboard.qualitygates;

import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.GateCheck;
import dev.switchboard.spi.GateVerdict;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.Violation;
import java.util.List;

/**
 * After a successful operation, runs the specialist's verify hook ({@link GateCheck#verifier()}) and
 * blocks with {@code verification_failed} when it reports violations. Immutable, thread-safe.
 */
final class PostVerifyGate implements QualityGate {

    private final String name;

    PostVerifyGate(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int weight() {
        return GateTypes.POST_VERIFY_WEIGHT;
    }

    @Override
    public GateVerdict after(GateCheck check, OperationResult.Success result) {
        List<Violation> violations = check.verifier().get();
        return violations.isEmpty()
                ? GateVerdict.pass()
                : new GateVerdict.Block(FailureCode.VERIFICATION_FAILED, violations);
    }
}
