package dev.switchboard.coordinator.routing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a request went through the decision tree. Immutable.
 *
 * @param steps every test evaluated, in order
 * @param route the route taken, when a leaf was reached
 * @param suggestions closest known operation names, when no leaf was reached
 */
public record RouteExplanation(List<Step> steps, Optional<Route> route, List<String> suggestions) {

    /**
     * One evaluated test.
     *
     * @param node the node id
     * @param test the test in words ({@code operation matches "room.*"})
     * @param matched whether it held
     * @param location where the test is declared ({@code modes/coordinator.toml:12:router.nodes.start})
     */
    public record Step(String node, String test, boolean matched, String location) {
        /** Validates that every part is present. */
        public Step {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(test, "test");
            Objects.requireNonNull(location, "location");
        }
    }

    /** Validates and copies. */
    public RouteExplanation {
        steps = List.copyOf(steps);
        Objects.requireNonNull(route, "route");
        suggestions = List.copyOf(suggestions);
    }
}
