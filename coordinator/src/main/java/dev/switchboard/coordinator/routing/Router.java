package dev.switchboard.coordinator.routing;

import dev.switchboard.spi.OperationRequest;

/**
 * The compiled decision tree of {@code modes/coordinator.toml}: picks the specialist operation that
 * runs a request. Immutable and thread-safe; a mode reload compiles a new router.
 */
public interface Router {

    /**
     * Routes a request.
     *
     * @throws UnknownOperationException when no leaf matches, naming the closest known operations
     */
    Route route(OperationRequest request);

    /** The path the request takes through the tree, node by node, with each test's outcome. */
    RouteExplanation explain(OperationRequest request);
}
