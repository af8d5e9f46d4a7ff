package dev.switchboard.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.coordinator.TestPlugins;
import dev.switchboard.spi.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** workflow run, journal list/show and dead-letters list through the CLI, against a plugin JAR. */
class CliWorkflowTest {

    static final String WORKFLOW = """
            [workflows.greet-twice]
            description = "Echoes twice, then asks for an operation nobody declares"

            [workflows.greet-twice.inputs]
            text = { type = "string", required = true }

            [[workflows.greet-twice.steps]]
            id = "first"
            operation = "echo.say"
            params = { text = "${inputs.text}" }

            [[workflows.greet-twice.steps]]
            id = "second"
            operation = "echo.say"
            params = { text = "${steps.first.output.said} again" }
            """;

    @TempDir
    Path dir;

    @Test
    void aWorkflowRunsAndIsJournaled() throws Exception {
        String plugins = TestPlugins.folder(dir).toString();
        Path modes = TestPlugins.modes(dir);
        Files.writeString(modes.resolve("workflows.toml"), WORKFLOW);
        String journal = dir.resolve("cli.journal").toString();

        Cli run = Cli.run("--plugins", plugins, "--modes", modes.toString(), "--journal", journal, "--output", "json",
                "workflow", "run", "greet-twice", "--input", "text=hi");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode doc = Json.mapper().readTree(run.out());
        assertThat(doc.path("status").asText()).isEqualTo("completed");
        assertThat(doc.path("outputs").path("second").path("said").asText()).isEqualTo("hi again");
        String id = doc.path("workflow-id").asText();

        Cli list = Cli.run("--journal", journal, "journal", "list");
        assertThat(list.code()).as(list.err()).isEqualTo(ExitCodes.OK);
        assertThat(list.out()).contains(id).contains("completed");

        Cli show = Cli.run("--journal", journal, "--output", "json", "journal", "show", id);
        assertThat(show.code()).as(show.err()).isEqualTo(ExitCodes.OK);
        assertThat(show.out()).contains("workflow-started").contains("echo.say");

        Cli letters = Cli.run("--journal", journal, "dead-letters", "list");
        assertThat(letters.code()).isEqualTo(ExitCodes.OK);
        assertThat(letters.out()).contains("no dead letters");
    }

    @Test
    void anUnknownWorkflowExitsFive() {
        Cli cli = Cli.run("workflow", "run", "nope");

        assertThat(cli.code()).isEqualTo(ExitCodes.UNKNOWN_OPERATION);
        assertThat(cli.err()).contains("unknown workflow 'nope'");
    }

    @Test
    void journalCommandsNeedAJournal() {
        Cli cli = Cli.run("journal", "list");

        assertThat(cli.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--journal");
    }

    @Test
    void showingAnUnknownRunFails() throws Exception {
        Path journal = dir.resolve("empty.journal");
        dev.switchboard.coordinator.journal.Journal.open(journal).close();

        Cli cli = Cli.run("--journal", journal.toString(), "journal", "show", "missing-run");

        assertThat(cli.code()).as(cli.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(cli.err()).contains("no run 'missing-run'");
    }
}
