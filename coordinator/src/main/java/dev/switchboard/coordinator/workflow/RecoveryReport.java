package dev.switchboard.coordinator.workflow;

import java.util.List;

/**
 * What {@code recover()} did. Immutable.
 *
 * @param workflows how each unfinished workflow ended: rolled back, or completed when it was
 *     forward-recoverable and resumed
 * @param inDoubtExecutes request ids of single executes that started and never finished (their effect
 *     is unknown; they are listed, not undone)
 * @param skipped runs that could not be recovered, as {@code runId: reason}
 */
public record RecoveryReport(List<WorkflowResult> workflows, List<String> inDoubtExecutes, List<String> skipped) {

    /** Copies. */
    public RecoveryReport {
        workflows = List.copyOf(workflows);
        inDoubtExecutes = List.copyOf(inDoubtExecutes);
        skipped = List.copyOf(skipped);
    }
}
