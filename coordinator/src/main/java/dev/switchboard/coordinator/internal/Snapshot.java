package dev.switchboard.coordinator.internal;

import dev.switchboard.coordinator.gates.GatePolicy;
import dev.switchboard.coordinator.modes.ModeSet;
import dev.switchboard.coordinator.routing.Router;
import dev.switchboard.coordinator.workflow.WorkflowDefinition;
import java.util.Map;
import java.util.Objects;

/**
 * The configuration in force, compiled from one {@link ModeSet} against the loaded operations. A
 * mode reload builds a new snapshot and swaps it in atomically; a request uses one snapshot from
 * start to end. Immutable.
 *
 * @param modes the modes it was compiled from
 * @param router the compiled decision tree
 * @param gates which gates guard which operation
 * @param settings the {@code [coordinator]} table
 * @param workflows the workflows by name, from {@code [workflows.*]} and the builder
 */
record Snapshot(ModeSet modes, Router router, GatePolicy gates, CoordinatorSettings settings,
        Map<String, WorkflowDefinition> workflows, Map<String, String> unavailableWorkflows) {

    Snapshot {
        Objects.requireNonNull(modes, "modes");
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(gates, "gates");
        Objects.requireNonNull(settings, "settings");
        workflows = Map.copyOf(workflows);
        unavailableWorkflows = Map.copyOf(unavailableWorkflows);
    }
}
