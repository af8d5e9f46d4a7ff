package dev.switchboard.coordinator.workflow;

import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.SwitchboardException;

/**
 * A workflow could not start (bad inputs, a run id already used) or a dead letter was not found.
 * Nothing was journaled or run when this is thrown from {@code run}.
 */
public final class WorkflowException extends SwitchboardException {

    private final String code;

    /** A failure with a {@link FailureCode} and a message naming the JSON path or id at fault. */
    public WorkflowException(String code, String message) {
        super(message);
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
