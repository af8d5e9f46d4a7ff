package dev.switchboard.coordinator.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A way out of a node (a branch's target or the node's {@code otherwise}) to another node or a leaf.
 * Linked once at compile time, then read-only, except for the route cache, which is a concurrent map
 * filled on first use with one {@link Route} per known operation. Thread-safe after compilation.
 */
final class Edge {

    final String target;
    final String location;
    RouteNode node;
    Leaf leaf;
    /** Ids from the root to this edge's leaf, when the tree gives the edge's node a single path. */
    List<String> staticPath;
    private Route fixed;
    private final ConcurrentHashMap<String, Route> byOperation = new ConcurrentHashMap<>();

    Edge(String target, String location) {
        this.target = target;
        this.location = location;
    }

    /** Fixes the path to this edge's leaf (tree-shaped routers only). */
    void fixPath(List<String> nodePath) {
        List<String> path = new ArrayList<>(nodePath);
        path.add(leaf.id());
        staticPath = List.copyOf(path);
        if (!leaf.runsRequested()) {
            fixed = new Route(leaf.specialist(), leaf.run(), staticPath);
        }
    }

    /**
     * The route through this edge's leaf for {@code operation}.
     *
     * @param trail the nodes visited, or {@code null} when the path is static
     * @throws UnknownOperationException when the leaf runs the requested operation and it is unknown
     */
    Route route(String operation, Set<String> known, List<String> trail) {
        if (trail != null) {
            trail.add(leaf.id());
            String run = leaf.runsRequested() ? requireKnown(operation, known) : leaf.run();
            return new Route(leaf.specialist(), run, trail);
        }
        if (fixed != null) {
            return fixed;
        }
        Route cached = byOperation.get(operation);
        if (cached != null) {
            return cached;
        }
        requireKnown(operation, known);
        return byOperation.computeIfAbsent(operation, op -> new Route(leaf.specialist(), op, staticPath));
    }

    private static String requireKnown(String operation, Set<String> known) {
        if (!known.contains(operation)) {
            throw RouterImpl.unknown(operation, known);
        }
        return operation;
    }
}
