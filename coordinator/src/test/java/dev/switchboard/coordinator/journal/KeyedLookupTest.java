package dev.switchboard.coordinator.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.Compensation;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Idempotency-key lookups and listing, the same on the file journal and the in-memory one. */
class KeyedLookupTest {

    @TempDir
    Path dir;

    private Journal journal(String kind) {
        return kind.equals("file") ? Journal.builder(dir.resolve("j")).fsync(false).build() : Journal.inMemory();
    }

    private static OperationRequest request(String id, String key) {
        OperationRequest.Builder b = OperationRequest.builder("room.create").param("name", id).requestId(id);
        return key.isEmpty() ? b.build() : b.idempotencyKey(key).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "memory"})
    void theFirstSuccessUnderAKeyIsFoundAndFailuresAreNot(String kind) {
        try (Journal journal = journal(kind)) {
            run(journal, request("r1", "k1"), OperationResult.failure(FailureCode.UNAVAILABLE, "down"));
            run(journal, request("r2", "k1"), OperationResult.success(Json.object().put("sid", "first"),
                    Json.object().put("name", "r2")));
            run(journal, request("r3", "k1"), OperationResult.success(Json.object().put("sid", "second")));
            run(journal, request("r4", ""), OperationResult.success(Json.object().put("sid", "unkeyed")));

            KeyedStep step = journal.succeeded("k1").orElseThrow();
            assertThat(step.started().runId()).isEqualTo("r2");
            assertThat(step.succeeded().payload().get("sid").asText()).isEqualTo("first");
            assertThat(step.succeeded().compensation().get("name").asText()).isEqualTo("r2");
            assertThat(journal.succeeded("r4")).isEmpty();
            assertThat(journal.succeeded("nope")).isEmpty();
            assertThat(journal.runs()).extracting(RunSummary::state).containsExactly(
                    RunState.FAILED, RunState.COMPLETED, RunState.COMPLETED, RunState.COMPLETED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "memory"})
    void storedRecordsAreRedactedAndPrintAsJson(String kind) {
        try (Journal journal = journal(kind)) {
            OperationRequest r = OperationRequest.builder("auth.token").param("room", "a").param("api-secret", "x1y2")
                    .requestId("r1").build();
            journal.executeStarted(r, Compensation.none(), true);

            JournalRecord stored = journal.records("r1").orElseThrow().getFirst();

            assertThat(stored.toJson().toString()).contains("\"type\":\"step-started\"", "\"run\":\"r1\"",
                    "\"api-secret\":\"<redacted>\"").doesNotContain("x1y2");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"file"})
    void lookupsSurviveReopeningAndWorkOnTheReadOnlyView(String kind) {
        try (Journal journal = journal(kind)) {
            run(journal, request("r1", "k1"), OperationResult.success(Json.object().put("sid", "s")));
        }
        Function<JournalView, String> sid = v -> v.succeeded("k1").orElseThrow().succeeded().payload()
                .get("sid").asText();
        assertThat(sid.apply(Journal.read(dir.resolve("j")))).isEqualTo("s");
        try (Journal journal = journal(kind)) {
            assertThat(sid.apply(journal)).isEqualTo("s");
        }
    }

    private static void run(Journal journal, OperationRequest request, OperationResult result) {
        journal.executeStarted(request, Compensation.none(), true);
        journal.executeDone(request, result);
    }
}
