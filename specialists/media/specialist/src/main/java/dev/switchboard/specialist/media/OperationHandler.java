package dev.switchboard.specialist.media;

import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;

/**
 * Runs the operations of one {@link OperationSet} for a started media specialist. Implementations are
 * called concurrently and must be thread-safe; expected failures are returned, and
 * {@link dev.switchboard.specialist.common.InvalidParamException} may be thrown for a bad parameter.
 */
interface OperationHandler extends AutoCloseable {

    /** Runs {@code request}, whose operation is one of the set's descriptors. */
    OperationResult execute(OperationRequest request);

    /** Releases what the handler holds (sessions, workers) when the specialist stops. Idempotent. */
    @Override
    default void close() {
    }
}
