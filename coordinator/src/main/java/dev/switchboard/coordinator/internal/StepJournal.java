package dev.switchboard.coordinator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.Compensation;
import dev.switchboard.spi.OperationResult;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the execute pipeline writes each step ahead: started (before the specialist runs) and
 * finished. Implementations are thread-safe.
 */
interface StepJournal {

    /** A step is about to run. */
    void started(StepStart step);

    /** The step ended with {@code result} (already redacted). */
    void finished(String requestId, OperationResult result);

    /** The recorded success of an earlier request with the same idempotency key. */
    Optional<Recorded> recorded(String idempotencyKey);

    /**
     * What is written before a step runs.
     *
     * @param requestId the request's id
     * @param requested the operation name the caller asked for
     * @param operation the specialist operation the router chose
     * @param idempotencyKey the caller's key, when given
     * @param params the parameters, already redacted
     * @param compensation how the effect would be undone
     */
    record StepStart(String requestId, String requested, String operation, Optional<String> idempotencyKey,
            ObjectNode params, Compensation compensation) {
        public StepStart {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(requested, "requested");
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            Objects.requireNonNull(params, "params");
            Objects.requireNonNull(compensation, "compensation");
        }
    }

    /**
     * A recorded outcome.
     *
     * @param requested the operation name the caller asked for
     * @param result its result as journaled (redacted)
     */
    record Recorded(String requested, OperationResult result) {
    }
}
