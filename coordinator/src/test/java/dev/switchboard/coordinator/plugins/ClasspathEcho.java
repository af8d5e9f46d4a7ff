package dev.switchboard.coordinator.plugins;

import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A classpath specialist for embedded-use tests; counts its starts and stops. Thread-safe. */
final class ClasspathEcho implements Specialist {

    final AtomicInteger starts = new AtomicInteger();
    final AtomicInteger stops = new AtomicInteger();
    private final String operation;

    ClasspathEcho(String operation) {
        this.operation = operation;
    }

    @Override
    public String name() {
        return "classpath-echo";
    }

    @Override
    public List<OperationDescriptor> operations() {
        return List.of(OperationDescriptor.builder(operation).description("Echoes from the classpath.").build());
    }

    @Override
    public void start(SpecialistContext context) {
        starts.incrementAndGet();
    }

    @Override
    public OperationResult execute(SpecialistContext context, OperationRequest request) {
        return request.operation().equals(operation)
                ? OperationResult.success(Json.object().put("said", request.params().path("text").asText())
                        .put("by", "classpath"))
                : OperationResult.failure(FailureCode.UNKNOWN_OPERATION, request.operation());
    }

    @Override
    public void stop() {
        stops.incrementAndGet();
    }
}
