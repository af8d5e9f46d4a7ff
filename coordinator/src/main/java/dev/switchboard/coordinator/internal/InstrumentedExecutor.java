package dev.switchboard.coordinator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.workflow.StepExecutor;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.SwitchboardEvent;
import dev.switchboard.spi.TimeSource;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Wraps the pipeline with what every request gets: the request id in the logging context, a log
 * line, the latency and error meters, an {@code operation.finished} event (built only while someone
 * listens), and the guarantee that
 * no exception escapes (an unexpected one becomes an {@code internal} failure naming its class).
 * Thread-safe.
 */
final class InstrumentedExecutor implements StepExecutor {

    private static final Logger LOG = LoggerFactory.getLogger("switchboard.requests");

    private final StepExecutor pipeline;
    private final OperationMetrics metrics;
    private final EventDispatcher events;
    private final TimeSource time;

    InstrumentedExecutor(StepExecutor pipeline, OperationMetrics metrics, EventDispatcher events, TimeSource time) {
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.events = events;
        this.time = time;
    }

    @Override
    public OperationResult execute(OperationRequest request) {
        String outer = MDC.get("requestId");
        MDC.put("requestId", request.requestId());
        String run = request.tags().get(JournalSteps.WORKFLOW_RUN_TAG);
        boolean setRun = run != null && MDC.get("workflowId") == null;
        if (setRun) {
            MDC.put("workflowId", run);
        }
        long start = time.nanos();
        try {
            OperationResult result = guarded(request);
            Duration took = Duration.ofNanos(time.nanos() - start);
            finished(request, result, took);
            return result;
        } finally {
            if (setRun) {
                MDC.remove("workflowId");
            }
            if (outer == null) {
                MDC.remove("requestId");
            } else {
                MDC.put("requestId", outer);
            }
        }
    }

    private OperationResult guarded(OperationRequest request) {
        try {
            return pipeline.execute(request);
        } catch (RuntimeException e) {
            LOG.error("unexpected failure in the request path of {}", request.operation(), e);
            return OperationResult.failure(FailureCode.INTERNAL, "unexpected " + e.getClass().getName()
                    + " while running " + request.operation());
        }
    }

    private void finished(OperationRequest request, OperationResult result, Duration took) {
        boolean unknown = result instanceof OperationResult.Failure f && FailureCode.UNKNOWN_OPERATION.equals(f.code());
        String tag = unknown ? "unknown" : request.operation();
        metrics.finished(tag, result, took);
        if (LOG.isInfoEnabled()) {
            if (result instanceof OperationResult.Failure f) {
                LOG.info("{} failed in {} µs: {} {}", request.operation(), took.toNanos() / 1_000, f.code(),
                        f.message());
            } else {
                LOG.info("{} succeeded in {} µs", request.operation(), took.toNanos() / 1_000);
            }
        }
        if (events.hasListeners()) {
            ObjectNode data = Json.object().put("operation", request.operation())
                    .put("request-id", request.requestId()).put("outcome", result.isSuccess() ? "success" : "failure")
                    .put("micros", took.toNanos() / 1_000);
            if (result instanceof OperationResult.Failure f) {
                data.put("code", f.code());
            }
            events.publish(new SwitchboardEvent("operation.finished", "coordinator", time.now(), data));
        }
    }
}
