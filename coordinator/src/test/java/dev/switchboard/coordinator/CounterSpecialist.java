package dev.switchboard.coordinator;

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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test specialist with a visible effect: named counters. {@code counter.add} is undone by
 * {@code counter.remove}; {@code counter.sleep} sleeps; {@code counter.boom} throws with the
 * specialist's secret in the message; {@code counter.leak} logs its secret and returns it under
 * {@code token}. Thread-safe.
 */
final class CounterSpecialist implements Specialist {

    final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
    final AtomicInteger executions = new AtomicInteger();
    volatile SpecialistContext context;
    volatile boolean lieAboutEffects;

    @Override
    public String name() {
        return "counter";
    }

    @Override
    public List<OperationDescriptor> operations() {
        return List.of(
                OperationDescriptor.builder("counter.add").description("Adds one to a named counter.")
                        .inputSchema("""
                                {"type":"object","required":["name"],"additionalProperties":false,
                                 "properties":{"name":{"type":"string","pattern":"^[a-z]+$"}}}""")
                        .compensatedBy("counter.remove").build(),
                OperationDescriptor.builder("counter.remove").description("Removes one from a named counter.")
                        .build(),
                OperationDescriptor.builder("counter.sleep").description("Sleeps for millis.").build(),
                OperationDescriptor.builder("counter.boom").description("Throws.").build(),
                OperationDescriptor.builder("counter.leak").description("Misbehaves with its secret.").build());
    }

    @Override
    public void start(SpecialistContext ctx) {
        this.context = ctx;
    }

    @Override
    public OperationResult execute(SpecialistContext ctx, OperationRequest request) {
        executions.incrementAndGet();
        String name = request.params().path("name").asText("default");
        return switch (request.operation()) {
            case "counter.add" -> {
                int n = counters.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
                yield OperationResult.success(Json.object().put("name", name).put("count", n),
                        Json.object().put("name", name));
            }
            case "counter.remove" -> {
                int n = counters.computeIfAbsent(name, k -> new AtomicInteger()).decrementAndGet();
                yield OperationResult.success(Json.object().put("name", name).put("count", n));
            }
            case "counter.sleep" -> sleep(request.params().path("millis").asLong(0));
            case "counter.boom" -> throw new IllegalStateException("cannot connect with " + secret(ctx));
            case "counter.leak" -> {
                ctx.logger().log(System.Logger.Level.WARNING, "using secret " + secret(ctx));
                yield OperationResult.success(Json.object().put("token", secret(ctx)).put("note", secret(ctx)));
            }
            default -> OperationResult.failure(FailureCode.UNKNOWN_OPERATION, request.operation());
        };
    }

    @Override
    public List<Violation> verify(SpecialistContext ctx, OperationRequest request, OperationResult.Success result) {
        return lieAboutEffects ? List.of(Violation.of("counter.missing", "$.name", "the counter did not change"))
                : List.of();
    }

    int count(String name) {
        AtomicInteger n = counters.get(name);
        return n == null ? 0 : n.get();
    }

    private static String secret(SpecialistContext ctx) {
        return ctx.secrets().resolve(ctx.config().path("api-secret").asText("${MISSING}")).reveal();
    }

    private static OperationResult sleep(long millis) {
        try {
            Thread.sleep(millis);
            return OperationResult.success(Json.object().put("slept", millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OperationResult.failure("interrupted", "interrupted");
        }
    }

    static ObjectNode params(String name) {
        return Json.object().put("name", name);
    }
}
