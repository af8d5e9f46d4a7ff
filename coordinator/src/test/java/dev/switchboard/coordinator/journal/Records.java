package dev.switchboard.coordinator.journal;

import dev.switchboard.spi.Json;
import java.time.Instant;

/** Record factories for journal tests. */
final class Records {

    static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    private Records() {
    }

    static JournalRecord started(String run, String step) {
        return new JournalRecord.StepStarted(run, step, "room.create", run + "/" + step,
                Json.object("{\"name\":\"" + step + "\"}"), "room.delete", true, AT);
    }

    static JournalRecord succeeded(String run, String step) {
        return new JournalRecord.StepSucceeded(run, step, Json.object("{\"sid\":\"RM_1\"}"),
                Json.object("{\"name\":\"" + step + "\"}"), AT);
    }
}
