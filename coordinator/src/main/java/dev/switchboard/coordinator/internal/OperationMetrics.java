package dev.switchboard.coordinator.internal;

import dev.switchboard.spi.OperationResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The coordinator's own meters, tagged by operation: {@code switchboard.operation.latency} (timer,
 * tag {@code outcome}), {@code switchboard.operation.errors} (counter, tag {@code code}),
 * {@code switchboard.gate.rejections} (counter, tag {@code gate}) and
 * {@code switchboard.compensations} (counter, tags {@code operation}, {@code outcome}). Thread-safe.
 */
final class OperationMetrics {

    private final MeterRegistry registry;

    OperationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void finished(String operation, OperationResult result, Duration took) {
        Timer.builder("switchboard.operation.latency")
                .tags("operation", operation, "outcome", result.isSuccess() ? "success" : "failure")
                .publishPercentileHistogram(false)
                .register(registry)
                .record(took);
        if (result instanceof OperationResult.Failure f) {
            registry.counter("switchboard.operation.errors", "operation", operation, "code", f.code()).increment();
        }
    }

    void gateRejected(String operation, String gate) {
        registry.counter("switchboard.gate.rejections", "operation", operation, "gate", gate).increment();
    }

    void compensation(String operation, String outcome) {
        registry.counter("switchboard.compensations", "operation", operation, "outcome", outcome).increment();
    }
}
