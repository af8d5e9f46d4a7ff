package dev.switchboard.coordinator.internal;

import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Specialist#execute} on the calling thread (no hand-off, so the logging context and the
 * caller's thread kind carry over) under a deadline: when the time is up, the {@link DeadlineWatchdog}
 * interrupts the thread, and once the specialist gives up the caller gets {@code deadline_exceeded}
 * (whatever the specialist returned; the interrupt is cleared again). A specialist must therefore
 * respond to interruption: blocking calls on virtual threads do; on platform threads a blocking socket
 * read does not, so network calls also carry their own timeout. A thrown exception becomes an
 * {@code internal} failure naming only the exception class (its message may hold anything, secrets
 * included). Stateless, thread-safe.
 */
final class SpecialistRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SpecialistRunner.class);

    private SpecialistRunner() {
    }

    static OperationResult run(Specialist specialist, SpecialistContext context, OperationRequest request,
            Duration timeout) {
        if (Thread.currentThread().isInterrupted()) {
            return OperationResult.failure(FailureCode.INTERNAL, "interrupted before " + request.operation()
                    + " started");
        }
        DeadlineWatchdog.Watch watch = DeadlineWatchdog.watch(Math.max(1, timeout.toNanos()));
        OperationResult result;
        try {
            result = specialist.execute(context, request);
        } catch (VirtualMachineError e) {
            watch.finish();
            throw e;
        } catch (RuntimeException | Error e) {
            if (watch.finish()) {
                return late(request, timeout);
            }
            LOG.warn("specialist '{}' threw on {}", specialist.name(), request.operation(), e);
            return OperationResult.failure(FailureCode.INTERNAL, "specialist '" + specialist.name() + "' failed on "
                    + request.operation() + " with " + e.getClass().getName());
        }
        if (watch.finish()) {
            return late(request, timeout);
        }
        return result != null ? result : OperationResult.failure(FailureCode.INTERNAL,
                "specialist '" + specialist.name() + "' returned no result for " + request.operation());
    }

    private static OperationResult late(OperationRequest request, Duration timeout) {
        LOG.warn("{} did not finish within {} ms; interrupted", request.operation(), timeout.toMillis());
        return OperationResult.retryableFailure(FailureCode.DEADLINE_EXCEEDED,
                request.operation() + " did not finish within " + timeout.toMillis() + " ms");
    }
}
