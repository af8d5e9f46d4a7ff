package dev.switchboard.coordinator.routing;

import dev.switchboard.coordinator.modes.ClosestNames;
import dev.switchboard.spi.OperationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A compiled decision tree. {@link #route} walks it using each node's precomputed candidates and a
 * per-edge route cache, so that routing a known operation through a tree-shaped router allocates
 * nothing after the first request; {@link #explain} walks it testing everything and recording each test.
 * Immutable and thread-safe.
 */
final class RouterImpl implements Router {

    private final RouteNode root;
    private final Set<String> known;
    /** Whether every node has a single path from the root (then routes are cached per edge). */
    private final boolean treeShaped;

    RouterImpl(RouteNode root, Set<String> known, boolean treeShaped) {
        this.root = root;
        this.known = Set.copyOf(known);
        this.treeShaped = treeShaped;
    }

    @Override
    public Route route(OperationRequest request) {
        List<String> trail = treeShaped ? null : new ArrayList<>();
        RouteNode node = root;
        while (true) {
            if (trail != null) {
                trail.add(node.id);
            }
            Edge edge = node.select(request);
            if (edge == null) {
                throw unknown(request.operation(), known);
            }
            if (edge.leaf != null) {
                return edge.route(request.operation(), known, trail);
            }
            node = edge.node;
        }
    }

    @Override
    public RouteExplanation explain(OperationRequest request) {
        List<RouteExplanation.Step> steps = new ArrayList<>();
        List<String> trail = new ArrayList<>();
        RouteNode node = root;
        while (true) {
            trail.add(node.id);
            Edge edge = explainNode(node, request, steps);
            if (edge == null) {
                return new RouteExplanation(steps, Optional.empty(), suggestions(request.operation()));
            }
            if (edge.leaf != null) {
                Leaf leaf = edge.leaf;
                if (leaf.runsRequested() && !known.contains(request.operation())) {
                    steps.add(new RouteExplanation.Step(leaf.id(), "operation \"" + request.operation()
                            + "\" is declared by a loaded specialist", false, leaf.location()));
                    return new RouteExplanation(steps, Optional.empty(), suggestions(request.operation()));
                }
                trail.add(leaf.id());
                String run = leaf.runsRequested() ? request.operation() : leaf.run();
                return new RouteExplanation(steps, Optional.of(new Route(leaf.specialist(), run, trail)), List.of());
            }
            node = edge.node;
        }
    }

    private static Edge explainNode(RouteNode node, OperationRequest request, List<RouteExplanation.Step> steps) {
        for (Branch b : node.branches) {
            if (b.unconditional()) {
                steps.add(new RouteExplanation.Step(node.id, "always", true, b.location()));
                return b.edge();
            }
            boolean holds = true;
            List<Condition> tests = new ArrayList<>();
            if (b.operation() != null) {
                tests.add(b.operation());
            }
            tests.addAll(List.of(b.others()));
            for (Condition c : tests) {
                holds = c.test(request);
                steps.add(new RouteExplanation.Step(node.id, c.describe(), holds, c.location()));
                if (!holds) {
                    break;
                }
            }
            if (holds) {
                return b.edge();
            }
        }
        if (node.otherwise != null) {
            steps.add(new RouteExplanation.Step(node.id, "otherwise", true, node.otherwise.location));
        }
        return node.otherwise;
    }

    private List<String> suggestions(String operation) {
        return ClosestNames.of(operation, known, 3);
    }

    /** The failure for an operation no route leads to. */
    static UnknownOperationException unknown(String operation, Set<String> known) {
        return new UnknownOperationException(operation, ClosestNames.of(operation, known, 3));
    }

    /** Every way out of {@code node}: its branches' edges, then {@code otherwise}. */
    static List<Edge> edgesOf(RouteNode node) {
        List<Edge> out = new ArrayList<>(node.branches.length + 1);
        for (Branch b : node.branches) {
            out.add(b.edge());
        }
        if (node.otherwise != null) {
            out.add(node.otherwise);
        }
        return out;
    }
}
