package dev.switchboard.coordinator.gates;

import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.GateCheck;
import dev.switchboard.spi.GateVerdict;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.Violation;
import java.util.List;

/**
 * Runs an operation's gates in ascending {@link QualityGate#weight()} order (equal weights keep
 * their given order).
 *
 * <p><b>Before</b> the operation, gates lighter than {@value #CONSUMING_WEIGHT} (allow/deny, roles,
 * naming, json-schema: pure checks) all run and their violations are collected, so a caller sees
 * every problem at once. Gates from weight {@value #CONSUMING_WEIGHT} on (rate limit, quota,
 * confirmation, custom) run only when nothing was refused so far, and the chain stops at the first
 * of them that blocks: a request that is invalid anyway never consumes rate-limit or quota budget,
 * and a request refused by a limit consumes no later budget. <b>After</b> the operation every
 * gate runs and all violations are collected. The verdict's code is that of the first (lightest)
 * gate that blocked. A gate that throws blocks with code {@code internal} and violation code
 * {@code gate.error} instead of failing the request path.
 *
 * <p>Immutable and thread-safe when its gates are (gates must be).
 */
public interface GateChain {

    /** Gates from this weight on may consume budget, see the class comment. */
    int CONSUMING_WEIGHT = 500;

    /** A chain of {@code gates} (sorted by weight here; the list is copied). */
    static GateChain of(List<QualityGate> gates) {
        return new GateChainImpl(gates);
    }

    /** The gates in the order they run. */
    List<QualityGate> gates();

    /** Runs the {@link QualityGate#before} checks. */
    GateVerdict before(GateCheck check);

    /** Runs the {@link QualityGate#after} checks on a successful result. */
    GateVerdict after(GateCheck check, OperationResult.Success result);

    /**
     * The failure a caller gets for a block: the block's code and violations, a one-line message,
     * retryable exactly when the code is {@link FailureCode#RATE_LIMITED}.
     */
    static OperationResult.Failure failure(GateVerdict.Block block) {
        List<Violation> v = block.violations();
        String message = v.size() == 1
                ? v.get(0).toString()
                : v.size() + " violations; first: " + v.get(0);
        return new OperationResult.Failure(block.code(), message, block.code().equals(FailureCode.RATE_LIMITED), v);
    }
}
