package dev.switchboard.coordinator.internal;

import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs {@link Specialist#execute} on a virtual thread (carrying the logging context) and waits at
 * most the given time. A late specialist is interrupted and the caller gets
 * {@code deadline_exceeded}; a thrown exception becomes an {@code internal} failure naming only the
 * exception class (its message may hold anything, secrets included). Stateless, thread-safe.
 */
final class SpecialistRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SpecialistRunner.class);

    private SpecialistRunner() {
    }

    static OperationResult run(Specialist specialist, SpecialistContext context, OperationRequest request,
            Duration timeout) {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        CompletableFuture<OperationResult> done = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().name("switchboard-op-" + request.requestId()).start(() -> {
            if (mdc != null) {
                MDC.setContextMap(mdc);
            }
            try {
                done.complete(specialist.execute(context, request));
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        });
        try {
            OperationResult result = done.get(Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
            return result != null ? result : OperationResult.failure(FailureCode.INTERNAL,
                    "specialist '" + specialist.name() + "' returned no result for " + request.operation());
        } catch (TimeoutException e) {
            worker.interrupt();
            LOG.warn("{} did not finish within {} ms; interrupted", request.operation(), timeout.toMillis());
            return OperationResult.retryableFailure(FailureCode.DEADLINE_EXCEEDED,
                    request.operation() + " did not finish within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            LOG.warn("specialist '{}' threw on {}", specialist.name(), request.operation(), cause);
            return OperationResult.failure(FailureCode.INTERNAL, "specialist '" + specialist.name() + "' failed on "
                    + request.operation() + " with " + cause.getClass().getName());
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            return OperationResult.failure(FailureCode.INTERNAL, "interrupted while waiting for "
                    + request.operation());
        }
    }
}
