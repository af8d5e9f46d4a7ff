package dev.switchboard.spi;

import java.util.Objects;

/**
 * How an operation's effect is undone: by nothing (read-only or irreversible operations), or by
 * another operation of the same specialist fed with {@link OperationResult.Success#compensation()}.
 */
@Stable(since = "0.1")
public sealed interface Compensation permits Compensation.None, Compensation.ByOperation {

    /** Nothing to undo. */
    record None() implements Compensation {
    }

    /** Undone by running {@code operation} with the success's compensation parameters. */
    record ByOperation(String operation) implements Compensation {
        /** Validates the name. */
        public ByOperation {
            Objects.requireNonNull(operation, "operation");
        }
    }

    /** The {@link None} compensation. */
    static Compensation none() {
        return new None();
    }

    /** Compensation by {@code operation}. */
    static Compensation by(String operation) {
        return new ByOperation(operation);
    }
}
