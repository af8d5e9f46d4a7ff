package dev.switchboard.coordinator.internal;

import dev.switchboard.spi.OperationResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The coordinator's own meters, tagged by operation: {@code switchboard.operation.latency} (timer,
 * tag {@code outcome}), {@code switchboard.operation.errors} (counter, tag {@code code}),
 * {@code switchboard.gate.rejections} (counter, tag {@code gate}) and
 * {@code switchboard.compensations} (counter, tags {@code operation}, {@code outcome}). Thread-safe.
 */
final class OperationMetrics {

    private final MeterRegistry registry;
    // latency timers by operation, looked up once: a registry look-up builds a meter id per call
    private final ConcurrentMap<String, Timer> successes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Timer> failures = new ConcurrentHashMap<>();

    OperationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void finished(String operation, OperationResult result, Duration took) {
        boolean success = result.isSuccess();
        ConcurrentMap<String, Timer> timers = success ? successes : failures;
        Timer timer = timers.get(operation);
        if (timer == null) {
            timer = timers.computeIfAbsent(operation, op -> timer(op, success ? "success" : "failure"));
        }
        timer.record(took);
        if (result instanceof OperationResult.Failure f) {
            registry.counter("switchboard.operation.errors", "operation", operation, "code", f.code()).increment();
        }
    }

    private Timer timer(String operation, String outcome) {
        return Timer.builder("switchboard.operation.latency")
                .tags("operation", operation, "outcome", outcome)
                .publishPercentileHistogram(false)
                .register(registry);
    }

    void gateRejected(String operation, String gate) {
        registry.counter("switchboard.gate.rejections", "operation", operation, "gate", gate).increment();
    }

    void compensation(String operation, String outcome) {
        registry.counter("switchboard.compensations", "operation", operation, "outcome", outcome).increment();
    }
}
