package dev.switchboard.spi;

import java.util.List;

/** A gate's answer: {@link Pass} or {@link Block} with the violations that explain it. Immutable. */
@Stable(since = "0.1")
public sealed interface GateVerdict permits GateVerdict.Pass, GateVerdict.Block {

    /** The request or result may go on. */
    record Pass() implements GateVerdict {
    }

    /**
     * The request or result is refused.
     *
     * @param code the failure code the caller sees ({@link FailureCode#GATE_REJECTED}, {@code rate_limited}…)
     * @param violations at least one reason
     */
    record Block(String code, List<Violation> violations) implements GateVerdict {
        /** Validates and copies. */
        public Block {
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("a Block needs at least one violation");
            }
        }
    }

    /** The shared pass verdict. */
    static GateVerdict pass() {
        return PassHolder.PASS;
    }

    /** A block with code {@link FailureCode#GATE_REJECTED}. */
    static GateVerdict block(List<Violation> violations) {
        return violations.isEmpty() ? pass() : new Block(FailureCode.GATE_REJECTED, violations);
    }

    /** A block with one violation. */
    static GateVerdict block(Violation violation) {
        return new Block(FailureCode.GATE_REJECTED, List.of(violation));
    }
}
