package dev.switchboard.testkit;

import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import dev.switchboard.spi.Violation;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Breaks every rule the TCK checks: an invalid schema, exceptions for unknown operations, a start
 * that fails the second time, deadlines ignored, and a compensation that leaves the effect in place.
 */
final class BrokenSpecialist implements Specialist {

    private final Set<String> items = ConcurrentHashMap.newKeySet();
    private boolean started;

    @Override
    public String name() {
        return "broken";
    }

    @Override
    public List<OperationDescriptor> operations() {
        return List.of(
                OperationDescriptor.builder("broken.add").description("Adds an item.")
                        .inputSchema("{\"type\":\"objekt\"}").compensatedBy("broken.remove").build(),
                OperationDescriptor.builder("broken.remove").description("Pretends to remove an item.").build());
    }

    @Override
    public synchronized void start(SpecialistContext context) {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
    }

    @Override
    public OperationResult execute(SpecialistContext context, OperationRequest request) {
        return switch (request.operation()) {
            case "broken.add" -> {
                items.add(request.params().path("item").asText());
                yield OperationResult.success(Json.object(), Json.object().put("item", "x"));
            }
            case "broken.remove" -> OperationResult.success(Json.object());
            default -> throw new IllegalArgumentException("unknown operation " + request.operation());
        };
    }

    @Override
    public List<Violation> verify(SpecialistContext context, OperationRequest request, OperationResult.Success result) {
        return items.isEmpty() ? List.of(Violation.of("broken.missing", "$", "nothing added")) : List.of();
    }
}
