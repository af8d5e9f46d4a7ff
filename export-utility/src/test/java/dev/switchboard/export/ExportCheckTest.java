package dev.switchboard.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --check}: in sync after an export; drift (changed, missing) once the config or the files move. */
class ExportCheckTest {

    private static final Map<String, String> ENV = Map.of("LIVEKIT_URL", "ws://127.0.0.1:7880",
            "LIVEKIT_API_KEY", "APIcheck", "LIVEKIT_API_SECRET", "canary-check-secret-0a1b2c");

    @TempDir
    Path out;

    @Test
    void aFreshExportIsInSync() {
        assertThat(run(ENV, "compose").exit()).isZero();

        Cli.Result check = run(ENV, "compose", "--check");
        assertThat(check.exit()).as(check.err()).isZero();
        assertThat(check.out()).contains("matches the current config");
    }

    @Test
    void aChangedSettingIsReportedAsDriftWithTheLine() {
        assertThat(run(ENV, "compose").exit()).isZero();
        Map<String, String> moved = new java.util.HashMap<>(ENV);
        moved.put("SWITCHBOARD_HTTP_PORT", "9191");

        Cli.Result check = run(moved, "compose", "--check");

        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.out()).contains("changed compose.yaml: line", "9191", "changed livekit.yaml: line",
                        "2 file(s) drifted")
                .doesNotContain("canary");
    }

    @Test
    void aMissingFileIsReportedAndJsonListsTheDrift() throws IOException {
        assertThat(run(ENV, "k8s").exit()).isZero();
        Files.delete(out.resolve("k8s/service.yaml"));

        Cli.Result check = Cli.run(ENV, "--output", "json", "export", "--format", "k8s", "--out", out.toString(),
                "--check");

        assertThat(check.exit()).isEqualTo(1);
        var doc = Schemas.YAML.readTree(check.out());
        assertThat(doc.path("status").asText()).isEqualTo("drift");
        assertThat(doc.at("/drift/0/file").asText()).isEqualTo("k8s/service.yaml");
        assertThat(doc.at("/drift/0/kind").asText()).isEqualTo("missing");
    }

    @Test
    void aSecretFilledIntoAnExportedFileIsNotEchoedByTheDrift() throws IOException {
        assertThat(run(ENV, "env").exit()).isZero();
        Path env = out.resolve("switchboard.env");
        Files.writeString(env, Files.readString(env).replace("LIVEKIT_API_SECRET=\n",
                "LIVEKIT_API_SECRET=canary-check-secret-0a1b2c\n"));

        Cli.Result check = run(ENV, "env", "--check");

        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.out()).contains("LIVEKIT_API_SECRET=<redacted>").doesNotContain("canary");
    }

    private Cli.Result run(Map<String, String> env, String format, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "export";
        args[1] = "--format";
        args[2] = format;
        args[3] = "--out=" + out;
        System.arraycopy(more, 0, args, 4, more.length);
        return Cli.run(env, args);
    }
}
