package dev.switchboard.coordinator.routing;

/**
 * Where routing ends: a specialist and the operation it runs.
 *
 * @param id the leaf's id: its name under {@code [router.leaves]}, or {@code <node>.when[i]} for a
 *     leaf written inline in a branch
 * @param specialist the specialist's name
 * @param run the operation to run; empty means the requested operation
 * @param location where the leaf is declared
 * @param runLocation where its {@code run} key is (or the leaf's location)
 */
record Leaf(String id, String specialist, String run, String location, String runLocation) {

    /** Whether the leaf runs the requested operation rather than a fixed one. */
    boolean runsRequested() {
        return run.isEmpty();
    }
}
