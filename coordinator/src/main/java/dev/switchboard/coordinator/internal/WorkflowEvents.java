package dev.switchboard.coordinator.internal;

import dev.switchboard.coordinator.workflow.WorkflowEvent;
import dev.switchboard.coordinator.workflow.WorkflowListener;

/**
 * Turns workflow events into coordinator events ({@code workflow.started}, {@code workflow.compensated},
 * {@code workflow.finished}…) and counts compensations per operation. Thread-safe.
 */
final class WorkflowEvents implements WorkflowListener {

    private final Parts parts;

    WorkflowEvents(Parts parts) {
        this.parts = parts;
    }

    @Override
    public void on(WorkflowEvent event) {
        switch (event) {
            case WorkflowEvent.Compensated c -> parts.metrics().compensation(c.operation(), "done");
            case WorkflowEvent.DeadLettered d -> parts.metrics().compensation(d.operation(), "dead-lettered");
            default -> {
                // counted by the events themselves
            }
        }
        parts.events().publish(event.toSwitchboardEvent(parts.time().now()));
    }
}
