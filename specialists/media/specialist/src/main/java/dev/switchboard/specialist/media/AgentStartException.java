package dev.switchboard.specialist.media;

import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.SwitchboardException;

/**
 * An agent cannot be started: its name is unknown ({@code not_found}), its definition is invalid
 * ({@code config_invalid}) or a provider it needs is not configured ({@code unavailable}). The message
 * names the agent and what to do; never a key. Immutable.
 */
final class AgentStartException extends SwitchboardException {

    private final String code;

    AgentStartException(String code, String message) {
        super(message);
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** This problem as a failed result. */
    OperationResult toFailure() {
        return OperationResult.failure(code, getMessage());
    }
}
