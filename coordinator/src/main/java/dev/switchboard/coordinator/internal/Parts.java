package dev.switchboard.coordinator.internal;

import dev.switchboard.coordinator.journal.JournalView;
import dev.switchboard.coordinator.modes.ModeSet;
import dev.switchboard.coordinator.workflow.RecoveryReport;
import dev.switchboard.coordinator.workflow.WorkflowEngine;
import dev.switchboard.coordinator.plugins.OperationCatalog;
import dev.switchboard.coordinator.plugins.PluginReport;
import dev.switchboard.spi.TimeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assembled pieces of one coordinator and the order they close in (reverse of opening).
 * Thread-safe: the snapshot is swapped atomically; the rest is fixed after assembly.
 */
final class Parts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Parts.class);

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    private final AtomicReference<ModeSet> modes;
    private final TimeSource time;
    private final EventDispatcher events;
    private final OperationMetrics metrics;
    private OperationCatalog catalog;
    private PluginReport report;
    private JournalView journal;
    private WorkflowEngine workflows;
    private RecoveryReport recovery;
    private ExecutePipeline pipeline;

    Parts(ModeSet initial, TimeSource time, EventDispatcher events, OperationMetrics metrics) {
        this.modes = new AtomicReference<>(initial);
        this.time = time;
        this.events = opened(events);
        this.metrics = metrics;
    }

    /** Remembers something to close (in reverse order) and returns it. */
    <T extends AutoCloseable> T opened(T closeable) {
        synchronized (opened) {
            opened.add(closeable);
        }
        return closeable;
    }

    void activate(Snapshot next) {
        modes.set(next.modes());
        snapshot.set(next);
    }

    Snapshot snapshot() {
        return snapshot.get();
    }

    ModeSet modes() {
        return modes.get();
    }

    void plugins(OperationCatalog value, PluginReport loaded) {
        this.catalog = value;
        this.report = loaded;
    }

    void workflows(JournalView journalView, WorkflowEngine engine) {
        this.journal = journalView;
        this.workflows = engine;
    }

    JournalView journal() {
        return journal;
    }

    WorkflowEngine workflows() {
        return workflows;
    }

    void recovered(RecoveryReport report) {
        this.recovery = report;
    }

    RecoveryReport recovery() {
        return recovery;
    }

    PluginReport report() {
        return report;
    }

    OperationCatalog catalog() {
        return catalog;
    }

    void pipeline(ExecutePipeline value) {
        this.pipeline = value;
    }

    ExecutePipeline pipeline() {
        return pipeline;
    }

    TimeSource time() {
        return time;
    }

    EventDispatcher events() {
        return events;
    }

    OperationMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        List<AutoCloseable> all;
        synchronized (opened) {
            all = new ArrayList<>(opened).reversed();
            opened.clear();
        }
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.getClass().getName());
            }
        }
    }
}
