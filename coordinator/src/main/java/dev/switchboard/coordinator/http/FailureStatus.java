package dev.switchboard.coordinator.http;

import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.OperationResult;
import java.util.Map;

/**
 * The HTTP status of a failure code. Codes the table does not know (a specialist's own) map to 422
 * when not retryable and 503 when retryable. Stateless, thread-safe.
 */
final class FailureStatus {

    private static final Map<String, Integer> STATUS = Map.ofEntries(
            Map.entry(FailureCode.INVALID_REQUEST, 422),
            Map.entry(FailureCode.UNKNOWN_OPERATION, 404),
            Map.entry(FailureCode.NOT_FOUND, 404),
            Map.entry(FailureCode.GATE_REJECTED, 403),
            Map.entry(FailureCode.PERMISSION_DENIED, 403),
            Map.entry(FailureCode.CONFLICT, 409),
            Map.entry(FailureCode.RATE_LIMITED, 429),
            Map.entry(FailureCode.DEADLINE_EXCEEDED, 504),
            Map.entry(FailureCode.UNAVAILABLE, 503),
            Map.entry(FailureCode.VERIFICATION_FAILED, 502),
            Map.entry(FailureCode.INTERNAL, 500),
            Map.entry("config_invalid", 500));

    private FailureStatus() {
    }

    /** The status for a failure code. */
    static int of(String code, boolean retryable) {
        Integer known = STATUS.get(code);
        if (known != null) {
            return known;
        }
        return retryable ? 503 : 422;
    }

    /** The status for a failed operation. */
    static int of(OperationResult.Failure failure) {
        return of(failure.code(), failure.retryable());
    }
}
