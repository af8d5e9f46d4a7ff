package dev.switchboard.specialist.common;

import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.SwitchboardException;

/**
 * A call to the LiveKit server failed. The message says which server, what happened and, where it
 * helps, what to check; it never contains a token or secret. Immutable.
 */
public final class LiveKitCallException extends SwitchboardException {

    private final String code;
    private final boolean retryable;

    /** A failure with a failure code and whether retrying may help. */
    public LiveKitCallException(String code, String message, boolean retryable) {
        super(message);
        this.code = code;
        this.retryable = retryable;
    }

    /** A failure caused by an I/O error. */
    public LiveKitCallException(String code, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryable = retryable;
    }

    @Override
    public String code() {
        return code;
    }

    /** Whether the same call may succeed later (unreachable server, timeout, 5xx). */
    public boolean retryable() {
        return retryable;
    }

    /** This failure as an operation result. */
    public OperationResult.Failure toFailure() {
        return retryable
                ? OperationResult.retryableFailure(code, getMessage())
                : OperationResult.failure(code, getMessage());
    }
}
