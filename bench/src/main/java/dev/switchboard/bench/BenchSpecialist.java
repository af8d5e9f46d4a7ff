package dev.switchboard.bench;

import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import java.util.List;

/**
 * A specialist whose operations do nothing, so a benchmark measures the coordinator alone:
 * {@code bench.noop} (schema-checked, compensated by {@code bench.undo}) and {@code bench.fail}.
 * Stateless, thread-safe.
 */
public final class BenchSpecialist implements Specialist {

    private static final OperationResult.Success DONE =
            OperationResult.success(Json.object().put("ok", true), Json.object().put("n", 1));
    private static final OperationResult.Success UNDONE = OperationResult.success(Json.object());

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public List<OperationDescriptor> operations() {
        return List.of(
                OperationDescriptor.builder("bench.noop").description("does nothing")
                        .inputSchema("""
                            {"type":"object","additionalProperties":false,"properties":{
                              "n":{"type":"integer","minimum":0},"room":{"type":"string","maxLength":64}}}""")
                        .compensatedBy("bench.undo").idempotent(true).build(),
                OperationDescriptor.builder("bench.undo").description("undoes nothing").idempotent(true).build(),
                OperationDescriptor.builder("bench.fail").description("always fails").build());
    }

    @Override
    public OperationResult execute(SpecialistContext context, OperationRequest request) {
        return switch (request.operation()) {
            case "bench.noop" -> DONE;
            case "bench.undo" -> UNDONE;
            default -> OperationResult.failure(FailureCode.INTERNAL, "bench.fail fails on purpose");
        };
    }
}
