package dev.switchboard.coordinator.workflow;

/**
 * Receives workflow events. Called synchronously on the thread running the workflow, so it must be
 * quick and thread-safe; an exception it throws is logged and does not affect the run.
 */
@FunctionalInterface
public interface WorkflowListener {

    /** Handles one event. */
    void on(WorkflowEvent event);
}
