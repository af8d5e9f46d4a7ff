package dev.switchboard.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.coordinator.journal.Journal;
import dev.switchboard.coordinator.journal.JournalRecord;
import dev.switchboard.spi.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress of journal reading and recovery on stderr: shown per {@code --progress}, never in JSON output. */
class ProgressCliTest {

    @TempDir
    Path dir;

    private int journals;

    /** A journal of over 2 MiB of finished executes, then {@code unfinished} executes a crash left open. */
    private Path journal(int unfinished) {
        Path file = dir.resolve("big-" + (journals++) + ".journal");
        Instant at = Instant.parse("2026-11-21T10:00:00Z");
        String filler = "x".repeat(1_000);
        try (Journal journal = Journal.builder(file).fsync(false).build()) {
            for (int i = 0; i < 2_200; i++) {
                String run = "done-" + i;
                journal.append(new JournalRecord.StepStarted(run, "execute", "echo.say", run,
                        Json.object().put("text", filler), "", false, at));
                journal.append(new JournalRecord.StepSucceeded(run, "execute", Json.object(), Json.object(), at));
            }
            for (int i = 0; i < unfinished; i++) {
                journal.append(new JournalRecord.StepStarted("crashed-" + i, "execute", "echo.say", "crashed-" + i,
                        Json.object(), "", false, at));
            }
        }
        return file;
    }

    @Test
    void plainProgressShowsReadingAndRecoveryOfTheJournal() throws Exception {
        Path file = journal(3);
        assertThat(Files.size(file)).isGreaterThan(2L << 20);

        Cli cli = Cli.run("--progress", "plain", "--journal", file.toString(), "journal", "recover");

        assertThat(cli.code()).as(cli.err()).isEqualTo(ExitCodes.OK);
        assertThat(cli.err()).containsPattern("journal: reading 2\\.\\d of 2\\.\\d MiB")
                .contains("journal: recovering 3 unfinished runs: crashed-0")
                .contains("journal: recovered 3 unfinished runs");
        assertThat(cli.out()).contains("crashed-2: single execute in doubt");
    }

    @Test
    void theEnvironmentSetsTheModeAndJsonOutputStaysQuiet() throws Exception {
        Path file = journal(1);

        Cli plain = Cli.run(Map.of("SWITCHBOARD_PROGRESS", "plain"), "--journal", file.toString(), "journal",
                "recover");
        assertThat(plain.err()).contains("journal: recovering 1 unfinished run: crashed-0");

        Cli json = Cli.run(Map.of("SWITCHBOARD_PROGRESS", "plain"), "--journal", journal(1).toString(),
                "--output", "json", "journal", "recover");
        assertThat(json.err()).doesNotContain("journal:");
        assertThat(Json.mapper().readTree(json.out()).path("in-doubt-executes")).hasSize(1);
    }

    @Test
    void autoModeShowsNothingWithoutATerminalAndABadModeIsNamed() {
        Path file = journal(1);

        Cli auto = Cli.run("--journal", file.toString(), "journal", "recover");
        assertThat(auto.err()).doesNotContain("journal:");

        Cli bad = Cli.run(Map.of("SWITCHBOARD_PROGRESS", "fancy"), "--journal", journal(0).toString(), "journal",
                "recover");
        assertThat(bad.err()).contains("SWITCHBOARD_PROGRESS=fancy is not one of auto, tty, plain, none");

        Cli flag = Cli.run("--progress", "fancy", "journal", "list");
        assertThat(flag.code()).isEqualTo(2);
        assertThat(flag.err()).contains("--progress").contains("fancy");
    }
}
