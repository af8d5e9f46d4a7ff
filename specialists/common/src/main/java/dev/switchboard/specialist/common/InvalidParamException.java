package dev.switchboard.specialist.common;

import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.SwitchboardException;
import dev.switchboard.spi.Violation;
import java.util.List;

/** A request parameter is missing or has the wrong type; carries the violation with its JSON path. */
public final class InvalidParamException extends SwitchboardException {

    private final Violation violation;
    private final String code;

    InvalidParamException(Violation violation, String code) {
        super(violation.toString());
        this.violation = violation;
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** The violation, with the parameter's JSON path. */
    public Violation violation() {
        return violation;
    }

    /** This problem as a failed result. */
    public OperationResult.Failure toFailure() {
        return OperationResult.rejected(code, violation.message(), List.of(violation));
    }
}
