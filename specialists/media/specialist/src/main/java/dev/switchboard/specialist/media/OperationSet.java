package dev.switchboard.specialist.media;

import dev.switchboard.spi.OperationDescriptor;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A group of media operations and the handler that runs them, created when the specialist starts.
 * Immutable.
 *
 * @param operations what the group declares (known before start)
 * @param handler builds the group's handler from the started specialist's runtime
 */
record OperationSet(List<OperationDescriptor> operations, Function<MediaRuntime, OperationHandler> handler) {

    /** Validates and copies. */
    OperationSet {
        operations = List.copyOf(operations);
        Objects.requireNonNull(handler, "handler");
    }
}
