package dev.switchboard.coordinator.workflow;

import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;

/**
 * Runs one operation through the coordinator's full path (route, gates, specialist, post-gates).
 * The workflow engine runs its steps and compensations through this. Thread-safe.
 */
@FunctionalInterface
public interface StepExecutor {

    /** Runs one request; never throws for operation failures (they are {@link OperationResult.Failure}). */
    OperationResult execute(OperationRequest request);
}
