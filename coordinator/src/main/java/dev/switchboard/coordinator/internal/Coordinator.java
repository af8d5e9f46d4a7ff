package dev.switchboard.coordinator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.coordinator.journal.JournalView;
import dev.switchboard.coordinator.plugins.PluginReport;
import dev.switchboard.coordinator.plugins.SpecialistOperation;
import dev.switchboard.coordinator.routing.RouteExplanation;
import dev.switchboard.coordinator.workflow.StepExecutor;
import dev.switchboard.coordinator.workflow.RecoveryReport;
import dev.switchboard.coordinator.workflow.WorkflowDefinition;
import dev.switchboard.coordinator.workflow.WorkflowException;
import dev.switchboard.coordinator.workflow.WorkflowResult;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.SwitchboardEvent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@link Switchboard} implementation. Thread-safe: the configuration in force is one immutable
 * {@link Snapshot} swapped atomically on reload; requests are counted so that {@link #close()} drains.
 */
public final class Coordinator implements Switchboard {

    private static final Logger LOG = LoggerFactory.getLogger(Coordinator.class);

    private final Parts parts;
    private final StepExecutor executor;
    private final InFlight inFlight = new InFlight();
    private final ExecutorService async = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicBoolean closed = new AtomicBoolean();

    Coordinator(Parts parts) {
        this.parts = parts;
        this.executor = new InstrumentedExecutor(parts.pipeline(), parts.metrics(), parts.events(), parts.time());
    }

    @Override
    public OperationResult execute(OperationRequest request) {
        Objects.requireNonNull(request, "request");
        if (!inFlight.enter()) {
            return OperationResult.failure(FailureCode.UNAVAILABLE, "the switchboard is closed");
        }
        try {
            return executor.execute(request);
        } finally {
            inFlight.exit();
        }
    }

    @Override
    public CompletableFuture<OperationResult> executeAsync(OperationRequest request) {
        Objects.requireNonNull(request, "request");
        return CompletableFuture.supplyAsync(() -> execute(request), async);
    }

    @Override
    public WorkflowResult run(String workflow, ObjectNode inputs, Caller caller) {
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(caller, "caller");
        if (!inFlight.enter()) {
            throw new WorkflowException(FailureCode.UNAVAILABLE, "the switchboard is closed");
        }
        String outer = MDC.get("workflowId");
        try {
            WorkflowDefinition definition = definition(workflow);
            String runId = workflow + "-" + UUID.randomUUID();
            MDC.put("workflowId", runId);
            return parts.workflows().run(definition, inputs, caller, runId);
        } finally {
            if (outer == null) {
                MDC.remove("workflowId");
            } else {
                MDC.put("workflowId", outer);
            }
            inFlight.exit();
        }
    }

    private WorkflowDefinition definition(String workflow) {
        Map<String, WorkflowDefinition> known = parts.snapshot().workflows();
        WorkflowDefinition definition = known.get(workflow);
        String unavailable = parts.snapshot().unavailableWorkflows().get(workflow);
        if (definition == null && unavailable != null) {
            throw new WorkflowException(FailureCode.UNAVAILABLE, "workflow '" + workflow + "' is unavailable: "
                    + unavailable);
        }
        if (definition == null) {
            throw new WorkflowException(FailureCode.UNKNOWN_OPERATION, "unknown workflow '" + workflow + "'"
                    + (known.isEmpty() ? "; no workflows are declared" : "; known: " + String.join(", ",
                    new TreeSet<>(known.keySet()))));
        }
        return definition;
    }

    @Override
    public CompletableFuture<WorkflowResult> runAsync(String workflow, ObjectNode inputs, Caller caller) {
        return CompletableFuture.supplyAsync(() -> run(workflow, inputs, caller), async);
    }

    @Override
    public RouteExplanation explain(OperationRequest request) {
        Objects.requireNonNull(request, "request");
        return parts.snapshot().router().explain(request);
    }

    @Override
    public Collection<SpecialistOperation> operations() {
        return List.copyOf(parts.catalog().all());
    }

    /** What the journal recovery at start found and did. */
    public RecoveryReport recovery() {
        return parts.recovery();
    }

    /** The journal (read access). */
    public JournalView journal() {
        return parts.journal();
    }

    /**
     * Runs a dead letter's compensation again.
     *
     * @return whether it succeeded (the letter is resolved)
     */
    public boolean retryDeadLetter(String id) {
        return parts.workflows().retryDeadLetter(Objects.requireNonNull(id, "id"));
    }

    /** What loading the plugins found: loaded and refused JARs and classpath specialists, with reasons. */
    public PluginReport pluginReport() {
        return parts.report();
    }

    @Override
    public AutoCloseable listen(Consumer<SwitchboardEvent> listener) {
        return parts.events().listen(listener);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (!inFlight.closeAndDrain(parts.snapshot().settings().drainTimeout())) {
            LOG.warn("{} requests still running after the drain timeout; closing anyway", inFlight.running());
        }
        async.shutdown();
        parts.close();
    }
}
