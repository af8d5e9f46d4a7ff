package dev.switchboard.coordinator.routing;

import dev.switchboard.spi.OperationRequest;

/**
 * One {@code when} entry of a node: tests that must all hold, and where to go then. Immutable after
 * compilation and thread-safe.
 *
 * @param index the position in the node's {@code when} list
 * @param operation the operation test, or {@code null} when the branch does not test the name
 * @param others the remaining tests, in declaration order
 * @param edge where the branch leads
 * @param location where the branch is declared
 */
record Branch(int index, Condition.OperationIs operation, Condition[] others, Edge edge, String location) {

    /** Whether every test holds. */
    boolean holds(OperationRequest request) {
        return (operation == null || operation.test(request)) && othersHold(request);
    }

    /** Whether every test except the operation test holds. */
    boolean othersHold(OperationRequest request) {
        for (Condition condition : others) {
            if (!condition.test(request)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the branch has no test at all, so always holds. */
    boolean unconditional() {
        return operation == null && others.length == 0;
    }
}
