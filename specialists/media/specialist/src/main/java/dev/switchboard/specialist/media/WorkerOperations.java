package dev.switchboard.specialist.media;

import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import java.util.List;

/**
 * {@code media.worker.*}: the agent worker that runs inside the specialist (worker mode). Thread-safe.
 */
final class WorkerOperations implements OperationHandler {

    static final OperationDescriptor STATUS = OperationDescriptor.builder("media.worker.status")
            .description("Whether the specialist's agent worker runs, its id, load and jobs.")
            .inputSchema("""
                {"type":"object","additionalProperties":false,"properties":{}}""")
            .outputSchema("""
                {"type":"object","required":["running"],"properties":{
                 "running":{"type":"boolean"}}}""")
            .idempotent(true)
            .build();

    static final OperationSet SET = new OperationSet(List.of(STATUS), WorkerOperations::new);

    WorkerOperations(MediaRuntime runtime) {
        // the worker itself arrives with AgentWorker
    }

    @Override
    public OperationResult execute(OperationRequest request) {
        return OperationResult.success(Json.object().put("running", false));
    }
}
