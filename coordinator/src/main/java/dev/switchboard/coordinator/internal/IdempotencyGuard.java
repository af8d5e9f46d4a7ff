package dev.switchboard.coordinator.internal;

import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Makes a repeated idempotency key return the recorded result instead of running again. Concurrent
 * requests with one key run once: the others wait for the first. Only successes are recorded, so a
 * failed attempt may be retried with the same key. A key reused for another operation is refused
 * with {@code conflict}. Thread-safe.
 */
final class IdempotencyGuard {

    private final JournalSteps journal;
    private final Map<String, CompletableFuture<OperationResult>> running = new ConcurrentHashMap<>();

    IdempotencyGuard(JournalSteps journal) {
        this.journal = journal;
    }

    /** Runs {@code action} unless {@code key} already has a recorded success. */
    OperationResult run(String key, OperationRequest request, Function<OperationRequest, OperationResult> action) {
        Optional<JournalSteps.Recorded> recorded = journal.recorded(key);
        if (recorded.isPresent()) {
            return replay(recorded.get(), request);
        }
        CompletableFuture<OperationResult> mine = new CompletableFuture<>();
        CompletableFuture<OperationResult> theirs = running.putIfAbsent(key, mine);
        if (theirs != null) {
            OperationResult first = theirs.join();
            return journal.recorded(key).map(r -> replay(r, request)).orElse(first);
        }
        try {
            Optional<JournalSteps.Recorded> late = journal.recorded(key);
            OperationResult result = late.isPresent() ? replay(late.get(), request) : action.apply(request);
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }

    private static OperationResult replay(JournalSteps.Recorded recorded, OperationRequest request) {
        if (recorded.operation().equals(request.operation())) {
            return recorded.result();
        }
        return OperationResult.failure(FailureCode.CONFLICT, "idempotency key already used for operation '"
                + recorded.operation() + "', not '" + request.operation() + "'");
    }
}
