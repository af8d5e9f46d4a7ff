package dev.switchboard.coordinator.internal;

import dev.switchboard.coordinator.plugins.OperationCatalog;
import dev.switchboard.coordinator.plugins.SpecialistOperation;
import dev.switchboard.coordinator.routing.Route;
import dev.switchboard.coordinator.routing.UnknownOperationException;
import dev.switchboard.coordinator.workflow.StepExecutor;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.GateCheck;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.SpecialistContext;
import dev.switchboard.spi.SwitchboardException;
import dev.switchboard.spi.TimeSource;
import dev.switchboard.spi.Violation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The request path: route → pre-gates → journal started → specialist (with deadline) → post-gates →
 * journal finished. Never throws for operation failures: they come back as
 * {@link OperationResult.Failure}. Thread-safe; each request reads one configuration snapshot.
 */
final class ExecutePipeline implements StepExecutor {

    private final Supplier<Snapshot> config;
    private final OperationCatalog catalog;
    private final Function<String, SpecialistContext> contexts;
    private final JournalSteps journal;
    private final IdempotencyGuard idempotency;
    private final OperationMetrics metrics;
    private final TimeSource time;

    ExecutePipeline(Supplier<Snapshot> config, OperationCatalog catalog, Function<String, SpecialistContext> contexts,
            JournalSteps journal, OperationMetrics metrics, TimeSource time) {
        this.config = config;
        this.catalog = catalog;
        this.contexts = contexts;
        this.journal = journal;
        this.idempotency = new IdempotencyGuard(journal);
        this.metrics = metrics;
        this.time = time;
    }

    @Override
    public OperationResult execute(OperationRequest request) {
        try {
            return runOnce(request);
        } catch (SwitchboardException e) {
            return OperationResult.failure(e.code(), SecretScrubber.scrub(e.getMessage()));
        }
    }

    private OperationResult runOnce(OperationRequest request) {
        Snapshot snapshot = config.get();
        Route route;
        try {
            route = snapshot.router().route(request);
        } catch (UnknownOperationException e) {
            return unknown(e);
        }
        Optional<SpecialistOperation> found = catalog.find(route.operation());
        if (found.isEmpty()) {
            return OperationResult.failure(FailureCode.UNKNOWN_OPERATION, "the route for '" + request.operation()
                    + "' leads to '" + route.operation() + "', which no loaded specialist declares");
        }
        SpecialistOperation op = found.get();
        if (!op.specialist().name().equals(route.specialist())) {
            return OperationResult.failure(FailureCode.UNKNOWN_OPERATION, "the route for '" + request.operation()
                    + "' names specialist '" + route.specialist() + "', but '" + route.operation()
                    + "' belongs to '" + op.specialist().name() + "'");
        }
        OperationRequest routed = route.operation().equals(request.operation())
                ? request : request.toBuilder().operation(route.operation()).build();
        Optional<String> key = routed.idempotencyKey();
        return key.isPresent()
                ? idempotency.run(key.get(), routed, r -> gated(request, r, op, snapshot))
                : gated(request, routed, op, snapshot);
    }

    private OperationResult gated(OperationRequest request, OperationRequest routed, SpecialistOperation op,
            Snapshot snapshot) {
        List<QualityGate> gates = snapshot.gates().gatesFor(op.descriptor());
        GateCheck pre = new GateCheck(routed, op.descriptor(), time, List::of);
        Optional<OperationResult.Failure> refused = GateRunner.before(gates, pre, metrics);
        if (refused.isPresent()) {
            return refused.get();
        }
        Duration timeout = timeout(routed, snapshot.settings().defaultTimeout());
        if (timeout.isZero()) {
            return OperationResult.retryableFailure(FailureCode.DEADLINE_EXCEEDED,
                    "the deadline of " + request.operation() + " passed before it started");
        }
        return runAndVerify(request, routed, op, gates, timeout);
    }

    private OperationResult runAndVerify(OperationRequest request, OperationRequest routed, SpecialistOperation op,
            List<QualityGate> gates, Duration timeout) {
        journal.started(routed, op.descriptor());
        SpecialistContext context = contexts.apply(op.specialist().name());
        OperationResult result = SpecialistRunner.run(op.specialist(), context, routed, timeout);
        if (result instanceof OperationResult.Success success) {
            GateCheck post = new GateCheck(routed, op.descriptor(), time,
                    () -> op.specialist().verify(context, routed, success));
            Optional<OperationResult.Failure> unverified = GateRunner.after(gates, post, success, metrics);
            if (unverified.isPresent()) {
                result = unverified.get();
            }
        }
        journal.finished(routed, redacted(result));
        return result;
    }

    private Duration timeout(OperationRequest request, Duration fallback) {
        Optional<java.time.Instant> deadline = request.deadline();
        if (deadline.isEmpty()) {
            return fallback;
        }
        Duration left = Duration.between(time.now(), deadline.get());
        if (left.isNegative() || left.isZero()) {
            return Duration.ZERO;
        }
        return left.compareTo(fallback) < 0 ? left : fallback;
    }

    private static OperationResult unknown(UnknownOperationException e) {
        String hint = e.suggestions().isEmpty() ? "" : "did you mean " + String.join(", ", e.suggestions()) + "?";
        return OperationResult.rejected(FailureCode.UNKNOWN_OPERATION, e.getMessage(),
                List.of(new Violation(FailureCode.UNKNOWN_OPERATION, "$.operation",
                        "no route leads to '" + e.operation() + "'", hint)));
    }

    private static OperationResult redacted(OperationResult result) {
        if (result instanceof OperationResult.Success s) {
            return Redactor.changes(s.payload()) || Redactor.changes(s.compensation())
                    ? OperationResult.success(Redactor.redact(s.payload()), Redactor.redact(s.compensation())) : s;
        }
        OperationResult.Failure f = (OperationResult.Failure) result;
        return new OperationResult.Failure(f.code(), SecretScrubber.scrub(f.message()), f.retryable(), f.violations());
    }
}
