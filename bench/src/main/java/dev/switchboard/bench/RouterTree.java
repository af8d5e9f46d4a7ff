package dev.switchboard.bench;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Generates a decision tree of a given number of rules (branches) as {@code [router]} TOML, with the
 * operations it knows. Shape: a root node with one branch per family ({@code f0.*}, {@code f1.*}…) and
 * one node per family whose branches are of three kinds, in turn: an exact operation name; an exact
 * name plus a caller role; and a parameter test with no name test (which no per-name index can skip,
 * so routing to it evaluates every earlier parameter test of the node). Stateless.
 *
 * @param toml the mode file
 * @param operations the operations the tree's leaves accept
 */
record RouterTree(String toml, Set<String> operations) {

    /** Rules per family node. */
    static final int PER_FAMILY = 50;

    /** A tree of about {@code rules} branches (rounded up to whole families), root branches included. */
    static RouterTree generate(int rules) {
        int families = Math.max(1, (int) Math.ceil(rules / (double) (PER_FAMILY + 1)));
        StringBuilder toml = new StringBuilder("[router]\nroot = \"families\"\n\n[router.nodes.families]\nwhen = [\n");
        for (int f = 0; f < families; f++) {
            toml.append("  { operation = \"f").append(f).append(".*\", to = \"family-").append(f).append("\" },\n");
        }
        toml.append("]\n");
        Set<String> operations = new LinkedHashSet<>();
        for (int f = 0; f < families; f++) {
            toml.append("\n[router.nodes.family-").append(f).append("]\notherwise = \"fallback\"\nwhen = [\n");
            for (int r = 0; r < PER_FAMILY; r++) {
                String op = "f" + f + ".op" + r;
                operations.add(op);
                String test = switch (r % 3) {
                    case 0 -> "operation = \"" + op + "\"";
                    case 1 -> "operation = \"" + op + "\", roles = [\"role-" + r + "\", \"admin\"]";
                    default -> "param-equals = { \"$.tier.name\" = \"t" + r + "\" }";
                };
                toml.append("  { ").append(test).append(", specialist = \"s").append(f).append("\" },\n");
            }
            toml.append("]\n");
        }
        toml.append("\n[router.leaves.fallback]\nspecialist = \"fallback\"\n");
        return new RouterTree(toml.toString(), Set.copyOf(operations));
    }
}
