package dev.switchboard.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import dev.switchboard.spi.Violation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The TCK's example: named counters in memory, created and deleted. Thread-safe. */
final class CounterSpecialist implements Specialist {

    private static final String NAME_SCHEMA = """
            {"type": "object", "required": ["name"], "additionalProperties": false,
             "properties": {"name": {"type": "string", "pattern": "^[a-z]+$"}}}""";

    private final Map<String, Integer> counters = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "counter";
    }

    @Override
    public List<OperationDescriptor> operations() {
        return List.of(
                OperationDescriptor.builder("counter.create").description("Creates a counter at zero.")
                        .inputSchema(NAME_SCHEMA)
                        .outputSchema("{\"type\":\"object\",\"required\":[\"value\"]}")
                        .compensatedBy("counter.delete").build(),
                OperationDescriptor.builder("counter.delete").description("Deletes a counter.")
                        .inputSchema(NAME_SCHEMA).destructive(true).idempotent(true).build());
    }

    @Override
    public OperationResult execute(SpecialistContext context, OperationRequest request) {
        if (request.deadline().isPresent() && !context.time().now().isBefore(request.deadline().get())) {
            return OperationResult.failure(FailureCode.DEADLINE_EXCEEDED, "the deadline has passed");
        }
        String name = request.params().path("name").asText();
        ObjectNode payload = Json.object().put("name", name);
        return switch (request.operation()) {
            case "counter.create" -> {
                counters.putIfAbsent(name, 0);
                context.metrics().increment("counter.created");
                yield OperationResult.success(payload.put("value", 0), Json.object().put("name", name));
            }
            case "counter.delete" -> {
                counters.remove(name);
                yield OperationResult.success(payload);
            }
            default -> OperationResult.failure(FailureCode.UNKNOWN_OPERATION, "no operation " + request.operation());
        };
    }

    @Override
    public List<Violation> verify(SpecialistContext context, OperationRequest request, OperationResult.Success result) {
        String name = result.payload().path("name").asText();
        return counters.containsKey(name)
                ? List.of()
                : List.of(Violation.of("counter.missing", "$.name", "counter " + name + " does not exist"));
    }
}
