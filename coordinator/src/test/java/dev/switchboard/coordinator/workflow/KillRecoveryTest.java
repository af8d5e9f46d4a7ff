package dev.switchboard.coordinator.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.coordinator.journal.Journal;
import dev.switchboard.coordinator.journal.JournalRecord;
import dev.switchboard.coordinator.journal.RunState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real {@code kill -9} of a JVM in the middle of a workflow step, then recovery in this JVM. */
class KillRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void aWorkflowKilledMidStepIsCompensatedExactlyOnceByRecovery() throws Exception {
        Path journalFile = dir.resolve("journal.swj");
        Path effectsFile = dir.resolve("effects.txt");
        Effects effects = Effects.file(effectsFile);
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), journalFile.toString(), effectsFile.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (!effects.all().contains("block.started")) {
                assertThat(child.isAlive()).as("child exited early, see %s", dir.resolve("child.log")).isTrue();
                assertThat(Instant.now()).as("child never reached the blocking step").isBefore(deadline);
                Thread.sleep(50);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        assertThat(effects.all()).containsExactly("room.create:k9", "block.started");
        List<String> types = Journal.read(journalFile).records("killed-1").orElseThrow().stream()
                .map(JournalRecord::type).toList();
        assertThat(types).containsExactly("workflow-started", "step-started", "step-succeeded", "step-started");

        try (Fixture f = new Fixture(journalFile, effects, true)) {
            RecoveryReport report = f.engine.recover();

            assertThat(report.workflows()).singleElement().isInstanceOfSatisfying(WorkflowResult.RolledBack.class,
                    r -> {
                        assertThat(r.workflowId()).isEqualTo("killed-1");
                        assertThat(r.failedStep()).isEqualTo("hold");
                        assertThat(r.compensated()).containsExactly("create-room");
                    });
            assertThat(f.engine.recover().workflows()).isEmpty();
            assertThat(f.journal.runs().getFirst().state()).isEqualTo(RunState.ROLLED_BACK);
        }
        try (Fixture f = new Fixture(journalFile, effects, true)) {
            assertThat(f.engine.recover().workflows()).isEmpty();
        }
        assertThat(effects.all()).containsExactly("room.create:k9", "block.started", "room.delete:k9");
    }
}
