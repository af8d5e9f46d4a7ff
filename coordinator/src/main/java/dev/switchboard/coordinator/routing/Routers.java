package dev.switchboard.coordinator.routing;

import dev.switchboard.coordinator.modes.ModeSection;
import dev.switchboard.coordinator.modes.ModeSet;
import dev.switchboard.spi.ConfigException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compiles the {@code [router]} section of the modes into a {@link Router}. Stateless and thread-safe.
 *
 * <p>Compilation rejects, each with its {@code file:line:key}: dangling node or leaf references, a
 * missing root node, leaves whose {@code run} names an operation no loaded specialist declares,
 * cycles, branches an earlier branch always wins (and an {@code otherwise} after a branch with no
 * test), nodes and leaves that nothing leads to, invalid parameter paths and regular expressions.
 */
public final class Routers {

    private Routers() {
    }

    /**
     * Compiles the router of a mode set.
     *
     * @param knownOperations the operations of the loaded specialists
     * @throws ConfigException when the modes have no {@code [router]} table or it is unsound
     */
    public static Router compile(ModeSet modes, Set<String> knownOperations) {
        ModeSection router = modes.section("router").orElseThrow(() ->
                new ConfigException("modes", "no [router] table: the coordinator needs a decision tree"));
        return compile(router, knownOperations);
    }

    /**
     * Compiles one {@code [router]} section.
     *
     * @param knownOperations the operations of the loaded specialists: leaves that run a fixed operation
     *     must name one of them; leaves that run the requested operation accept only these at route time
     * @throws ConfigException listing every problem found, each at its {@code file:line:key}
     */
    public static Router compile(ModeSection router, Set<String> knownOperations) {
        Objects.requireNonNull(router, "router");
        Set<String> known = Set.copyOf(knownOperations);
        RouterParser parsed = new RouterParser(router);
        parsed.parse();
        if (!new RouterChecks(parsed, known).run()) {
            throw new ConfigException(parsed.problems);
        }
        RouteNode root = parsed.nodes.get(parsed.root);
        boolean treeShaped = fixPaths(root);
        parsed.nodes.values().forEach(n -> n.index(known));
        return new RouterImpl(root, known, treeShaped);
    }

    /** Gives each edge its static path when every node has one way in; returns whether that is so. */
    private static boolean fixPaths(RouteNode root) {
        Map<RouteNode, Integer> incoming = new HashMap<>();
        for (RouteNode node : reachable(root)) {
            for (Edge edge : RouterImpl.edgesOf(node)) {
                if (edge.node != null) {
                    incoming.merge(edge.node, 1, Integer::sum);
                }
            }
        }
        if (incoming.values().stream().anyMatch(n -> n > 1)) {
            return false;
        }
        walk(root, new ArrayList<>());
        return true;
    }

    private static void walk(RouteNode node, List<String> path) {
        path.add(node.id);
        for (Edge edge : RouterImpl.edgesOf(node)) {
            if (edge.node != null) {
                walk(edge.node, path);
            } else {
                edge.fixPath(path);
            }
        }
        path.removeLast();
    }

    private static List<RouteNode> reachable(RouteNode root) {
        List<RouteNode> out = new ArrayList<>();
        out.add(root);
        for (int i = 0; i < out.size(); i++) {
            for (Edge edge : RouterImpl.edgesOf(out.get(i))) {
                if (edge.node != null && !out.contains(edge.node)) {
                    out.add(edge.node);
                }
            }
        }
        return out;
    }
}
