package dev.switchboard.coordinator.routing;

import dev.switchboard.coordinator.modes.ClosestNames;
import dev.switchboard.spi.ConfigException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links the parsed router and rejects what cannot work: dangling references, leaves that run unknown
 * operations, cycles, branches that an earlier branch always wins, and nodes or leaves that nothing
 * leads to. Not thread-safe (one use).
 */
final class RouterChecks {

    private final RouterParser parsed;
    private final Set<String> known;
    private final List<ConfigException.Problem> problems;

    RouterChecks(RouterParser parsed, Set<String> known) {
        this.parsed = parsed;
        this.known = known;
        this.problems = parsed.problems;
    }

    /** Runs every check; returns whether the router is sound. */
    boolean run() {
        if (!problems.isEmpty()) {
            return false;
        }
        link();
        knownOperations();
        if (!problems.isEmpty()) {
            return false;
        }
        cycles();
        shadowed();
        if (problems.isEmpty()) {
            unreachable();
        }
        return problems.isEmpty();
    }

    private void link() {
        if (!parsed.nodes.containsKey(parsed.root)) {
            problem(parsed.at("root"), "the root node '" + parsed.root + "' is not declared" + hint(parsed.root));
        }
        for (Edge edge : parsed.edges) {
            if (edge.leaf != null) {
                continue;
            }
            edge.node = parsed.nodes.get(edge.target);
            edge.leaf = edge.node == null ? parsed.leaves.get(edge.target) : null;
            if (edge.node == null && edge.leaf == null) {
                problem(edge.location, "no node or leaf '" + edge.target + "'" + hint(edge.target));
            }
        }
    }

    private String hint(String id) {
        Set<String> ids = new LinkedHashSet<>(parsed.nodes.keySet());
        ids.addAll(parsed.leaves.keySet());
        List<String> close = ClosestNames.of(id, ids, 3);
        return close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?";
    }

    private void knownOperations() {
        Set<Leaf> seen = new HashSet<>();
        List<Leaf> all = new ArrayList<>(parsed.leaves.values());
        parsed.edges.stream().filter(e -> e.leaf != null).forEach(e -> all.add(e.leaf));
        for (Leaf leaf : all) {
            if (seen.add(leaf) && !leaf.runsRequested() && !known.contains(leaf.run())) {
                List<String> close = ClosestNames.of(leaf.run(), known, 3);
                problem(leaf.runLocation(), "unknown operation '" + leaf.run() + "'"
                        + (close.isEmpty() ? "; no loaded specialist declares it" : "; did you mean "
                        + String.join(", ", close) + "?"));
            }
        }
    }

    /** Depth-first search from every node; an edge back to a node on the stack closes a cycle. */
    private void cycles() {
        Map<RouteNode, Integer> state = new HashMap<>(); // 1 = on the stack, 2 = done
        for (RouteNode start : parsed.nodes.values()) {
            if (!state.containsKey(start)) {
                visit(start, state, new ArrayDeque<>());
            }
        }
    }

    private void visit(RouteNode node, Map<RouteNode, Integer> state, Deque<String> stack) {
        state.put(node, 1);
        stack.addLast(node.id);
        for (Edge edge : RouterImpl.edgesOf(node)) {
            if (edge.node == null) {
                continue;
            }
            Integer s = state.get(edge.node);
            if (s == null) {
                visit(edge.node, state, stack);
            } else if (s == 1) {
                List<String> cycle = new ArrayList<>(stack);
                cycle = cycle.subList(cycle.indexOf(edge.node.id), cycle.size());
                problem(edge.location, "cycle: " + String.join(" → ", cycle) + " → " + edge.node.id);
            }
        }
        stack.removeLast();
        state.put(node, 2);
    }

    /** A branch (or otherwise) is unreachable when an earlier branch without other tests covers it. */
    private void shadowed() {
        for (RouteNode node : parsed.nodes.values()) {
            for (int j = 0; j < node.branches.length; j++) {
                for (int i = 0; i < j; i++) {
                    if (covers(node.branches[i], node.branches[j])) {
                        problem(node.branches[j].location(), "unreachable branch: " + node.branches[i].location()
                                + " matches every request it matches" + leafNote(node.branches[j].edge()));
                        break;
                    }
                }
            }
            for (Branch b : node.branches) {
                if (node.otherwise != null && b.unconditional()) {
                    problem(node.otherwise.location, "unreachable: " + b.location() + " has no test, so always wins");
                    break;
                }
            }
        }
    }

    private static String leafNote(Edge edge) {
        boolean inline = edge.leaf != null && edge.leaf.id().endsWith("]");
        return inline ? " (so its leaf '" + edge.leaf.specialist() + "' is never used)" : "";
    }

    private static boolean covers(Branch earlier, Branch later) {
        if (earlier.others().length > 0) {
            return false;
        }
        if (earlier.operation() == null) {
            return true;
        }
        if (later.operation() == null) {
            return false;
        }
        for (Glob g : later.operation().globs()) {
            boolean covered = false;
            for (Glob e : earlier.operation().globs()) {
                covered |= e.covers(g);
            }
            if (!covered) {
                return false;
            }
        }
        return true;
    }

    private void unreachable() {
        Set<Object> reached = new HashSet<>();
        Deque<RouteNode> todo = new ArrayDeque<>();
        RouteNode root = parsed.nodes.get(parsed.root);
        todo.add(root);
        reached.add(root);
        while (!todo.isEmpty()) {
            for (Edge edge : RouterImpl.edgesOf(todo.poll())) {
                if (edge.node != null && reached.add(edge.node)) {
                    todo.add(edge.node);
                } else if (edge.leaf != null) {
                    reached.add(edge.leaf);
                }
            }
        }
        String from = " from the root node '" + parsed.root + "'";
        parsed.nodes.values().stream().filter(n -> !reached.contains(n)).forEach(n ->
                problem(n.location, "unreachable node '" + n.id + "': no branch leads to it" + from));
        parsed.leaves.values().stream().filter(l -> !reached.contains(l)).forEach(l ->
                problem(l.location(), "unreachable leaf '" + l.id() + "': no branch leads to it" + from));
    }

    private void problem(String location, String message) {
        problems.add(new ConfigException.Problem(location, message));
    }
}
