package dev.switchboard.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.coordinator.TestPlugins;
import dev.switchboard.spi.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI against a plugins folder holding echo.jar (works) and broken.jar (truncated). */
class CliWithPluginsTest {

    @TempDir
    Path dir;

    String plugins;
    String modes;

    @BeforeEach
    void folders() {
        plugins = TestPlugins.folder(dir).toString();
        modes = TestPlugins.modes(dir).toString();
    }

    @Test
    void runRoutesToThePluginAndPrintsThePayload() throws Exception {
        Cli cli = Cli.run("--plugins", plugins, "--modes", modes, "--output", "json",
                "run", "echo.say", "--param", "text=hi there");

        assertThat(cli.code()).as(cli.err()).isEqualTo(ExitCodes.OK);
        JsonNode doc = Json.mapper().readTree(cli.out());
        assertThat(doc.path("status").asText()).isEqualTo("success");
        assertThat(doc.path("payload").path("said").asText()).isEqualTo("hi there");
    }

    @Test
    void globalOptionsMayAlsoFollowTheSubcommand() {
        Cli cli = Cli.run("run", "echo.say", "--param", "text=x", "--plugins", plugins, "--modes", modes);

        assertThat(cli.code()).as(cli.err()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).contains("\"said\" : \"x\"");
    }

    @Test
    void typedParamsAndJsonFilesMakeTheParameters() throws Exception {
        Path file = Files.writeString(dir.resolve("p.json"), "{\"text\": \"from file\", \"n\": 1}");

        Cli cli = Cli.run("--plugins", plugins, "--modes", modes, "run", "echo.say", "--json", file.toString(),
                "--param", "text:=\"typed\"");

        assertThat(cli.code()).as(cli.err()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).contains("\"said\" : \"typed\"");
    }

    @Test
    void pluginsListShowsLoadedAndRefusedJarsWithTheReason() throws Exception {
        Cli cli = Cli.run("--plugins", plugins, "--modes", modes, "--output", "json", "plugins", "list");

        assertThat(cli.code()).as(cli.err()).isEqualTo(ExitCodes.OK);
        JsonNode doc = Json.mapper().readTree(cli.out());
        assertThat(doc.path("plugins")).anySatisfy(p -> {
            assertThat(p.path("source").asText()).isEqualTo("broken.jar");
            assertThat(p.path("state").asText()).isEqualTo("refused");
            assertThat(p.path("reason").asText()).contains("truncated");
        });
        assertThat(doc.path("operations")).anySatisfy(o -> {
            assertThat(o.path("operation").asText()).isEqualTo("echo.say");
            assertThat(o.path("origin").asText()).isEqualTo("echo.jar");
        });
    }

    @Test
    void modesExplainPrintsThePathWithoutRunning() {
        Cli cli = Cli.run("--plugins", plugins, "--modes", modes, "modes", "explain", "echo.say");

        assertThat(cli.code()).as(cli.err()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).contains("echo.say → echo / echo.say").contains("coordinator.toml:");
    }

    @Test
    void modesExplainOfAnUnknownOperationSuggestsAndExitsFive() {
        Cli cli = Cli.run("--plugins", plugins, "--modes", modes, "modes", "explain", "echo.sya");

        assertThat(cli.code()).isEqualTo(ExitCodes.UNKNOWN_OPERATION);
        assertThat(cli.out()).contains("no route").contains("echo.say");
    }

    @Test
    void modesValidateAcceptsAGoodFolder() {
        Cli cli = Cli.run("--plugins", plugins, "modes", "validate", modes);

        assertThat(cli.code()).as(cli.err()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).contains("modes valid");
    }
}
