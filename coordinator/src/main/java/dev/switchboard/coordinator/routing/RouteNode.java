package dev.switchboard.coordinator.routing;

import dev.switchboard.spi.OperationRequest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A decision node: branches tried in order, then {@code otherwise}. For every known operation it keeps
 * the branches whose operation test already holds, so routing a known name skips the others without
 * testing them. Immutable after compilation and thread-safe.
 */
final class RouteNode {

    final String id;
    final String location;
    final Branch[] branches;
    /** The {@code otherwise} edge, or {@code null}. */
    final Edge otherwise;
    private Map<String, int[]> candidates = Map.of();

    RouteNode(String id, String location, List<Branch> branches, Edge otherwise) {
        this.id = id;
        this.location = location;
        this.branches = branches.toArray(Branch[]::new);
        this.otherwise = otherwise;
    }

    /** Precomputes the candidate branches of every known operation (nodes that test names only). */
    void index(Set<String> known) {
        boolean testsNames = false;
        for (Branch b : branches) {
            testsNames |= b.operation() != null;
        }
        if (!testsNames) {
            return;
        }
        Map<String, int[]> out = new HashMap<>();
        int[] matching = new int[branches.length];
        for (String name : known) {
            int n = 0;
            for (Branch b : branches) {
                if (b.operation() == null || b.operation().matches(name)) {
                    matching[n++] = b.index();
                }
            }
            out.put(name, Arrays.copyOf(matching, n));
        }
        candidates = out;
    }

    /** The edge the request takes out of this node, or {@code null} when none. */
    Edge select(OperationRequest request) {
        int[] known = candidates.get(request.operation());
        if (known != null) {
            for (int i : known) {
                if (branches[i].othersHold(request)) {
                    return branches[i].edge();
                }
            }
            return otherwise;
        }
        for (Branch b : branches) {
            if (b.holds(request)) {
                return b.edge();
            }
        }
        return otherwise;
    }
}
