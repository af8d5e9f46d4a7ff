package dev.switchboard.coordinator.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small real specialist whose effects go to an {@link Effects} store. It honours idempotency keys:
 * a key seen before returns the first result without a second effect. Thread-safe.
 */
final class TestSpecialist implements Specialist {

    final Effects effects;
    /** How many more times {@code room.delete} fails before it works. */
    final AtomicInteger deleteFailures = new AtomicInteger();
    /** Every request seen, for key checks. */
    final List<OperationRequest> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, OperationResult> byKey = new ConcurrentHashMap<>();

    TestSpecialist(Effects effects) {
        this.effects = effects;
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public List<OperationDescriptor> operations() {
        return List.of(
                OperationDescriptor.builder("room.create").compensatedBy("room.delete").idempotent(true).build(),
                OperationDescriptor.builder("room.delete").idempotent(true).destructive(true).build(),
                OperationDescriptor.builder("rec.start").compensatedBy("rec.stop").build(),
                OperationDescriptor.builder("rec.stop").build(),
                OperationDescriptor.builder("test.echo").build(),
                OperationDescriptor.builder("test.fail").build(),
                OperationDescriptor.builder("test.block").build());
    }

    @Override
    public OperationResult execute(SpecialistContext context, OperationRequest request) {
        requests.add(request);
        String key = request.idempotencyKey().orElse("");
        OperationResult seen = key.isEmpty() ? null : byKey.get(key);
        if (seen != null) {
            return seen;
        }
        OperationResult result = run(request);
        if (!key.isEmpty() && result.isSuccess()) {
            byKey.put(key, result);
        }
        return result;
    }

    private OperationResult run(OperationRequest request) {
        ObjectNode p = request.params();
        String name = p.path("name").asText(p.path("room").asText());
        return switch (request.operation()) {
            case "room.create" -> {
                effects.record("room.create:" + name);
                yield OperationResult.success(Json.object().put("name", name).put("sid", "RM_" + name)
                        .put("max", p.path("max").asInt()), Json.object().put("name", name));
            }
            case "room.delete" -> {
                if (deleteFailures.getAndDecrement() > 0) {
                    effects.record("room.delete-failed:" + name);
                    yield OperationResult.retryableFailure(FailureCode.UNAVAILABLE, "livekit is down");
                }
                effects.record("room.delete:" + name);
                yield OperationResult.success(Json.object());
            }
            case "rec.start" -> {
                effects.record("rec.start:" + name);
                yield OperationResult.success(Json.object().put("egress", "EG_" + name),
                        Json.object().put("egress", "EG_" + name));
            }
            case "rec.stop" -> {
                effects.record("rec.stop:" + p.path("egress").asText());
                yield OperationResult.success(Json.object());
            }
            case "test.echo" -> OperationResult.success(p.deepCopy());
            case "test.block" -> block();
            default -> OperationResult.failure(FailureCode.INTERNAL, "test.fail always fails");
        };
    }

    private OperationResult block() {
        effects.record("block.started");
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OperationResult.failure(FailureCode.INTERNAL, "interrupted");
    }
}
