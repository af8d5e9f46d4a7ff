package dev.switchboard.coordinator.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.Caller;
import dev.switchboard.spi.Compensation;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path dir;

    @Test
    void recordsSurviveReopeningInOrderAndWithTheirContent() {
        Path file = dir.resolve("sub/journal.swj");
        try (Journal journal = Journal.open(file)) {
            assertThat(journal.fsync()).isTrue();
            journal.append(new JournalRecord.WorkflowStarted("w1", "demo", Json.object("{\"steps\":[]}"),
                    Json.object("{\"room\":\"a\"}"), Caller.of("ops", "admin"), Records.AT));
            journal.append(Records.started("w1", "s1"));
            journal.append(Records.succeeded("w1", "s1"));
            journal.append(new JournalRecord.WorkflowFinished("w1", RunState.COMPLETED, Records.AT));
        }
        try (Journal journal = Journal.open(file)) {
            assertThat(journal.corruption()).isEmpty();
            List<JournalRecord> records = journal.records("w1").orElseThrow();
            assertThat(records).extracting(JournalRecord::type).containsExactly(
                    "workflow-started", "step-started", "step-succeeded", "workflow-finished");
            assertThat(records.get(0)).isInstanceOfSatisfying(JournalRecord.WorkflowStarted.class, r -> {
                assertThat(r.caller()).isEqualTo(Caller.of("ops", "admin"));
                assertThat(r.inputs().get("room").asText()).isEqualTo("a");
            });
            assertThat(records.get(1)).isEqualTo(Records.started("w1", "s1"));
            assertThat(journal.runs()).singleElement().satisfies(r -> {
                assertThat(r.name()).isEqualTo("demo");
                assertThat(r.state()).isEqualTo(RunState.COMPLETED);
                assertThat(r.records()).isEqualTo(4);
            });
            assertThat(journal.records("nope")).isEmpty();
        }
    }

    @Test
    void singleExecutesAreJournaledAsRunsOfTheirOwn() {
        try (Journal journal = Journal.builder(dir.resolve("j")).fsync(false).build()) {
            OperationRequest ok = OperationRequest.builder("room.create").param("name", "x").requestId("r1").build();
            OperationRequest bad = OperationRequest.builder("room.delete").param("name", "y")
                    .idempotencyKey("k2").requestId("r2").build();
            OperationRequest hanging = OperationRequest.builder("room.list").requestId("r3").build();
            journal.executeStarted(ok, Compensation.by("room.delete"), true);
            journal.executeDone(ok, OperationResult.success(Json.object().put("sid", "RM"),
                    Json.object().put("name", "x")));
            journal.executeStarted(bad, Compensation.none(), false);
            journal.executeDone(bad, OperationResult.failure(FailureCode.NOT_FOUND, "no room y"));
            journal.executeStarted(hanging, Compensation.none(), true);

            assertThat(journal.runs()).extracting(r -> r.runId() + " " + r.kind() + " " + r.name() + " " + r.state())
                    .containsExactly("r1 EXECUTE room.create COMPLETED", "r2 EXECUTE room.delete FAILED",
                            "r3 EXECUTE room.list UNFINISHED");
            var started = (JournalRecord.StepStarted) journal.records("r2").orElseThrow().getFirst();
            assertThat(started.idempotencyKey()).isEqualTo("k2");
            assertThat(started.compensation()).isEmpty();
            assertThat(((JournalRecord.StepStarted) journal.records("r1").orElseThrow().getFirst()).compensation())
                    .isEqualTo("room.delete");
        }
    }

    @Test
    void secretsAreRedactedBeforeTheyReachTheFile() throws Exception {
        Path file = dir.resolve("j");
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLWJ5dGVz";
        try (Journal journal = Journal.open(file)) {
            OperationRequest request = OperationRequest.builder("auth.token").params(Json.object(
                    "{\"room\":\"a\",\"api-secret\":\"s3cr3t-value\",\"nested\":{\"token\":\"t0k3n\"},\"h\":\"Bearer "
                            + jwt + "\"}")).build();
            journal.executeStarted(request, Compensation.none(), true);
            journal.executeDone(request, OperationResult.success(Json.object().put("jwt", jwt)));
        }
        String bytes = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(bytes).doesNotContain("s3cr3t-value").doesNotContain("t0k3n").doesNotContain(jwt)
                .contains("\"room\":\"a\"").contains(Redactor.REDACTED);
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFirstHoldsTheFile() {
        Path file = dir.resolve("j");
        try (Journal first = Journal.open(file)) {
            first.append(Records.started("w", "s"));
            assertThatThrownBy(() -> Journal.open(file)).isInstanceOf(JournalException.class)
                    .hasMessageContaining("in use");
            JournalView view = Journal.read(file);
            assertThat(view.runs()).hasSize(1);
            assertThat(view.records("w").orElseThrow()).containsExactly(Records.started("w", "s"));
        }
    }

    @Test
    void appendsAfterCloseFail() {
        Journal journal = Journal.open(dir.resolve("j"));
        journal.close();
        journal.close();
        assertThatThrownBy(() -> journal.append(Records.started("w", "s")))
                .isInstanceOf(JournalException.class).hasMessageContaining("closed");
    }

    @Test
    void aFileThatIsNotAJournalIsRefusedAndLeftAlone() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello, these are my notes");
        assertThatThrownBy(() -> Journal.open(file)).isInstanceOf(JournalException.class)
                .hasMessageContaining("not a Switchboard journal");
        assertThatThrownBy(() -> Journal.read(file)).isInstanceOf(JournalException.class);
        assertThat(Files.readString(file)).isEqualTo("hello, these are my notes");
    }

    @Test
    void readingAMissingFileFails() {
        assertThatThrownBy(() -> Journal.read(dir.resolve("absent"))).isInstanceOf(JournalException.class)
                .hasMessageContaining("absent");
    }
}
