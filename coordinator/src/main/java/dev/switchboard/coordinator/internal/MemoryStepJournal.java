package dev.switchboard.coordinator.internal;

import dev.switchboard.spi.OperationResult;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A journal that lives as long as the coordinator; used when no journal file is configured. Thread-safe. */
final class MemoryStepJournal implements StepJournal {

    private final Map<String, StepStart> running = new ConcurrentHashMap<>();
    private final Map<String, Recorded> byKey = new ConcurrentHashMap<>();

    @Override
    public void started(StepStart step) {
        running.put(step.requestId(), step);
    }

    @Override
    public void finished(String requestId, OperationResult result) {
        StepStart step = running.remove(requestId);
        if (step != null && step.idempotencyKey().isPresent() && result.isSuccess()) {
            byKey.put(step.idempotencyKey().get(), new Recorded(step.requested(), result));
        }
    }

    @Override
    public Optional<Recorded> recorded(String idempotencyKey) {
        return Optional.ofNullable(byKey.get(idempotencyKey));
    }
}
