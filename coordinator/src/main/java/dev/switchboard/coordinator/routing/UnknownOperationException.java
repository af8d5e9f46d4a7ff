package dev.switchboard.coordinator.routing;

import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.SwitchboardException;
import java.util.List;

/** No route leads to the requested operation. Carries the closest known names. */
public final class UnknownOperationException extends SwitchboardException {

    private final String operation;
    private final List<String> suggestions;

    /** An unknown operation with its closest known names (possibly none). */
    public UnknownOperationException(String operation, List<String> suggestions) {
        super("unknown operation '" + operation + "'"
                + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(", ", suggestions) + "?"));
        this.operation = operation;
        this.suggestions = List.copyOf(suggestions);
    }

    /** The requested operation name. */
    public String operation() {
        return operation;
    }

    /** The closest known operation names, best first. */
    public List<String> suggestions() {
        return suggestions;
    }

    @Override
    public String code() {
        return FailureCode.UNKNOWN_OPERATION;
    }
}
