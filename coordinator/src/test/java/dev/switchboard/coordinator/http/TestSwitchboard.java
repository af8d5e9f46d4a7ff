package dev.switchboard.coordinator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.coordinator.plugins.SpecialistOperation;
import dev.switchboard.coordinator.routing.Route;
import dev.switchboard.coordinator.routing.RouteExplanation;
import dev.switchboard.coordinator.routing.UnknownOperationException;
import dev.switchboard.coordinator.workflow.WorkflowResult;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.Compensation;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import dev.switchboard.spi.SwitchboardEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small in-memory {@link Switchboard} for the HTTP tests: operations are functions, workflows are
 * functions, every request is recorded. It is our own interface implemented for real, not a mock.
 * Thread-safe.
 */
final class TestSwitchboard implements Switchboard {

    final List<OperationRequest> requests = new CopyOnWriteArrayList<>();
    final List<String> workflowRuns = new CopyOnWriteArrayList<>();
    final List<ObjectNode> workflowInputs = new CopyOnWriteArrayList<>();
    final List<Caller> workflowCallers = new CopyOnWriteArrayList<>();
    private final Map<String, SpecialistOperation> operations = new ConcurrentHashMap<>();
    private final Map<String, Function<OperationRequest, OperationResult>> behaviours = new ConcurrentHashMap<>();
    private final Map<String, BiFunction<ObjectNode, Caller, WorkflowResult>> workflows = new ConcurrentHashMap<>();
    private final List<Consumer<SwitchboardEvent>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private final Specialist specialist = new Specialist() {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public List<OperationDescriptor> operations() {
            return operations.values().stream().map(SpecialistOperation::descriptor).toList();
        }

        @Override
        public OperationResult execute(SpecialistContext context, OperationRequest request) {
            return behaviours.get(request.operation()).apply(request);
        }
    };

    TestSwitchboard operation(String name, String inputSchema, Function<OperationRequest, OperationResult> run) {
        OperationDescriptor d = new OperationDescriptor(name, "Test operation " + name, Json.object(inputSchema),
                Json.object("{\"type\": \"object\"}"), Compensation.none(), false, true);
        operations.put(name, new SpecialistOperation(specialist, d, "classpath"));
        behaviours.put(name, run);
        return this;
    }

    TestSwitchboard operation(String name, Function<OperationRequest, OperationResult> run) {
        return operation(name, "{\"type\": \"object\"}", run);
    }

    TestSwitchboard workflow(String name, BiFunction<ObjectNode, Caller, WorkflowResult> run) {
        workflows.put(name, run);
        return this;
    }

    @Override
    public OperationResult execute(OperationRequest request) {
        requests.add(request);
        checkOpen();
        Function<OperationRequest, OperationResult> run = behaviours.get(request.operation());
        if (run == null) {
            return OperationResult.failure(FailureCode.UNKNOWN_OPERATION,
                    "unknown operation '" + request.operation() + "'");
        }
        return run.apply(request);
    }

    @Override
    public CompletableFuture<OperationResult> executeAsync(OperationRequest request) {
        return CompletableFuture.supplyAsync(() -> execute(request), r -> Thread.ofVirtual().start(r));
    }

    @Override
    public WorkflowResult run(String workflow, ObjectNode inputs, Caller caller) {
        checkOpen();
        workflowRuns.add(workflow);
        workflowInputs.add(inputs);
        workflowCallers.add(caller);
        BiFunction<ObjectNode, Caller, WorkflowResult> run = workflows.get(workflow);
        if (run == null) {
            throw new UnknownOperationException(workflow, List.of());
        }
        return run.apply(inputs, caller);
    }

    @Override
    public CompletableFuture<WorkflowResult> runAsync(String workflow, ObjectNode inputs, Caller caller) {
        return CompletableFuture.supplyAsync(() -> run(workflow, inputs, caller), r -> Thread.ofVirtual().start(r));
    }

    @Override
    public RouteExplanation explain(OperationRequest request) {
        boolean known = operations.containsKey(request.operation());
        List<RouteExplanation.Step> steps = new ArrayList<>();
        steps.add(new RouteExplanation.Step("start", "operation == \"" + request.operation() + "\"", known,
                "modes/coordinator.toml:3:router.nodes.start"));
        Optional<Route> route = known
                ? Optional.of(new Route("test", request.operation(), List.of("start")))
                : Optional.empty();
        return new RouteExplanation(steps, route, known ? List.of() : List.of("room.create"));
    }

    @Override
    public Collection<SpecialistOperation> operations() {
        checkOpen();
        return List.copyOf(operations.values());
    }

    @Override
    public AutoCloseable listen(Consumer<SwitchboardEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void publish(SwitchboardEvent event) {
        listeners.forEach(l -> l.accept(event));
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("switchboard is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
