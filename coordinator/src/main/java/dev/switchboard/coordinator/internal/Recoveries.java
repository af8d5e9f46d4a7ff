package dev.switchboard.coordinator.internal;

import dev.switchboard.coordinator.journal.JournalProgress;
import dev.switchboard.coordinator.workflow.RecoveryReport;
import dev.switchboard.coordinator.workflow.WorkflowResult;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.SwitchboardEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the journal recovery at start: unfinished workflows are compensated (or resumed when
 * forward-recoverable); logs and publishes {@code journal.recovered} when there was anything to do.
 * Stateless, thread-safe.
 */
final class Recoveries {

    private static final Logger LOG = LoggerFactory.getLogger(Recoveries.class);

    private Recoveries() {
    }

    static RecoveryReport recover(Parts parts, JournalProgress progress) {
        RecoveryReport report = parts.workflows().recover(progress);
        if (report.workflows().isEmpty() && report.inDoubtExecutes().isEmpty()) {
            return report;
        }
        long rolledBack = report.workflows().stream().filter(w -> w instanceof WorkflowResult.RolledBack).count();
        LOG.warn("journal recovery: {} unfinished workflows ({} rolled back, {} resumed), {} executes in doubt",
                report.workflows().size(), rolledBack, report.workflows().size() - rolledBack,
                report.inDoubtExecutes().size());
        parts.events().publish(new SwitchboardEvent("journal.recovered", "coordinator", parts.time().now(),
                Json.object().put("workflows", report.workflows().size()).put("rolled-back", rolledBack)
                        .put("in-doubt-executes", report.inDoubtExecutes().size())));
        return report;
    }
}
