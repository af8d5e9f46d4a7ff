package dev.switchboard.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.spi.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path dir;

    @Test
    void withoutACommandItIsAUsageError() {
        Cli cli = Cli.run();

        assertThat(cli.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("missing command");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Cli cli = Cli.run("run", "room.create", "--bogus");

        assertThat(cli.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--bogus");
    }

    @Test
    void aMalformedParamIsAUsageErrorNamingIt() {
        Cli cli = Cli.run("run", "room.create", "--param", "noequals");

        assertThat(cli.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("'noequals'").contains("name=value");
    }

    @Test
    void aTypedParamMustBeJson() {
        Cli cli = Cli.run("run", "room.create", "--param", "max:={oops");

        assertThat(cli.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("max:={oops").contains("not JSON");
    }

    @Test
    void aJsonFileMustHoldAnObject() throws Exception {
        Path file = Files.writeString(dir.resolve("params.json"), "[1, 2]");

        Cli cli = Cli.run("run", "room.create", "--json", file.toString());

        assertThat(cli.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("expected a JSON object at $");
    }

    @Test
    void anUnknownOperationExitsFiveWithSuggestionsAsJson() throws Exception {
        Cli cli = Cli.run("--output", "json", "run", "nothing.here");

        assertThat(cli.code()).isEqualTo(ExitCodes.UNKNOWN_OPERATION);
        JsonNode doc = Json.mapper().readTree(cli.out());
        assertThat(doc.path("status").asText()).isEqualTo("failure");
        assertThat(doc.path("code").asText()).isEqualTo("unknown_operation");
        assertThat(doc.path("violations").get(0).path("path").asText()).isEqualTo("$.operation");
    }

    @Test
    void aModesFolderThatIsNotAFolderIsAUsageError() {
        Cli cli = Cli.run("--modes", dir.resolve("missing").toString(), "modes", "validate");

        assertThat(cli.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("modes:").contains("is not a directory");
    }

    @Test
    void invalidModesExitThreeNamingFileLineAndKey() throws Exception {
        Path modes = Files.createDirectories(dir.resolve("modes"));
        Files.writeString(modes.resolve("coordinator.toml"), "[coordinator]\ndefault-timeout = \"soon\"\n");

        Cli cli = Cli.run("modes", "validate", modes.toString());

        assertThat(cli.code()).isEqualTo(ExitCodes.CONFIG_INVALID);
        assertThat(cli.err()).contains("coordinator.toml:").contains("default-timeout");
    }

    @Test
    void serveWithInvalidModesStopsWithTheLocationAndStartsNothing() throws Exception {
        Path bad = Files.createDirectories(dir.resolve("bad-modes"));
        Files.writeString(bad.resolve("coordinator.toml"), "[coordinator]\ndefault-timeout = 5\n");
        Cli cli = Cli.run(Map.of("LIVEKIT_URL", "http://127.0.0.1:9", "LIVEKIT_API_KEY", "k",
                "LIVEKIT_API_SECRET", "s"), "serve", "--port", "0", "--data", dir.resolve("data").toString(),
                "--modes", bad.toString());

        assertThat(cli.code()).isEqualTo(ExitCodes.CONFIG_INVALID);
        assertThat(cli.err()).contains("coordinator.toml:").contains("default-timeout");
        assertThat(Files.readString(dir.resolve("data/dev.env"))).contains("SWITCHBOARD_API_KEY");
    }
}
