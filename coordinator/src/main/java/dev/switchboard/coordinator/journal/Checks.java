package dev.switchboard.coordinator.journal;

import java.time.Instant;
import java.util.Objects;

/** Shared argument checks for records. Stateless. */
final class Checks {

    private Checks() {
    }

    static void present(String runId, Instant at) {
        Objects.requireNonNull(runId, "runId");
        if (runId.isBlank()) {
            throw new IllegalArgumentException("runId must not be blank");
        }
        Objects.requireNonNull(at, "at");
    }
}
