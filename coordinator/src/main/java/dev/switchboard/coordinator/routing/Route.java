package dev.switchboard.coordinator.routing;

import java.util.List;
import java.util.Objects;

/**
 * Where a request goes.
 *
 * @param specialist the specialist's name
 * @param operation the operation the specialist runs (may differ from the requested name)
 * @param path the ids of the nodes visited, root first, leaf last
 */
public record Route(String specialist, String operation, List<String> path) {

    /** Validates and copies. */
    public Route {
        Objects.requireNonNull(specialist, "specialist");
        Objects.requireNonNull(operation, "operation");
        path = List.copyOf(path);
    }
}
