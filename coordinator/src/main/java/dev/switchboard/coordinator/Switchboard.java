package dev.switchboard.coordinator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.plugins.SpecialistOperation;
import dev.switchboard.coordinator.routing.RouteExplanation;
import dev.switchboard.coordinator.workflow.WorkflowResult;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.SwitchboardEvent;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The embedded coordinator: routes requests to specialists through quality gates, runs workflows
 * with rollback, journals every step. Build one with {@link #builder()} and close it when done.
 *
 * <p>Thread-safe: every method may be called from any thread, concurrently. {@link #close()} stops
 * accepting new requests, waits for running ones (drains), then stops the specialists.
 */
public interface Switchboard extends AutoCloseable {

    /** A builder with every setting at its default (see {@link SwitchboardBuilder}). */
    static SwitchboardBuilder builder() {
        return new SwitchboardBuilder();
    }

    /** Runs one operation through route → pre-gates → journal → specialist → post-gates → journal. */
    OperationResult execute(OperationRequest request);

    /** {@link #execute} on a virtual thread. */
    CompletableFuture<OperationResult> executeAsync(OperationRequest request);

    /** Runs a workflow declared in the modes (or registered in Java) by name. */
    WorkflowResult run(String workflow, ObjectNode inputs, Caller caller);

    /** {@link #run} on a virtual thread. */
    CompletableFuture<WorkflowResult> runAsync(String workflow, ObjectNode inputs, Caller caller);

    /** The route a request would take, without running it. */
    RouteExplanation explain(OperationRequest request);

    /** Every operation of every loaded specialist. */
    Collection<SpecialistOperation> operations();

    /**
     * Subscribes to events (operation finished, workflow compensated, mode reloaded, webhook received…).
     * Listeners run on a dedicated thread, never on the caller's.
     *
     * @return a handle whose {@code close()} unsubscribes
     */
    AutoCloseable listen(Consumer<SwitchboardEvent> listener);

    /** Stops accepting requests, drains running ones, stops specialists. Idempotent. */
    @Override
    void close();
}
