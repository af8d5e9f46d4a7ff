package dev.switchboard.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every format: written through the CLI, YAML parses, no planted secret appears anywhere. */
class ExportFormatsTest {

    static final List<String> CANARIES = List.of("canary-livekit-secret-7f3a9c", "canary-api-key-51be02",
            "canary-openai-key-9d41e7", "canary-file-secret-c0ffee", "canary-file-livekit-dd19aa");

    @TempDir
    Path tmp;

    /** An environment and a settings file that hold every kind of secret there is. */
    Map<String, String> plantedEnvironment() throws IOException {
        Path file = tmp.resolve("switchboard.env");
        Files.writeString(file, "CRM_WEBHOOK_SECRET=" + CANARIES.get(3) + "\nLIVEKIT_API_SECRET=" + CANARIES.get(4)
                + "\nSWITCHBOARD_HTTP_PORT=9090\n");
        Map<String, String> env = new HashMap<>();
        env.put("LIVEKIT_URL", "ws://127.0.0.1:7880");
        env.put("LIVEKIT_API_KEY", "APIexport");
        env.put("LIVEKIT_API_SECRET", CANARIES.get(0));
        env.put("SWITCHBOARD_API_KEY", CANARIES.get(1));
        env.put("OPENAI_API_KEY", CANARIES.get(2));
        env.put("SWITCHBOARD_CONFIG", file.toString());
        return env;
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void everyFormatIsWrittenParsesAndHoldsNoSecret(ExportFormat format) throws IOException {
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run(plantedEnvironment(), "export", "--format", format.id(), "--out", out.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        List<Path> files = files(out);
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            String text = Files.readString(f);
            for (String canary : CANARIES) {
                assertThat(text).as("%s must not contain a secret", f).doesNotContain(canary);
            }
            if (f.toString().endsWith(".yaml")) {
                JsonNode doc = Schemas.YAML.readTree(text);
                assertThat(doc.isObject()).as("%s parses to a mapping", f).isTrue();
            }
        }
        for (String canary : CANARIES) {
            assertThat(r.out() + r.err()).doesNotContain(canary);
        }
    }

    @Test
    void theFileLayerReachesTheExportAndSecretsAreReferences() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run(plantedEnvironment(), "export", "--format", "compose", "--out", out.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode compose = Schemas.YAML.readTree(Files.readString(out.resolve("compose.yaml")));
        JsonNode sb = compose.at("/services/switchboard");
        assertThat(sb.at("/ports/0").asText()).isEqualTo("9090:9090");
        assertThat(sb.at("/environment/LIVEKIT_API_SECRET").asText()).isEqualTo("${LIVEKIT_API_SECRET}");
        assertThat(sb.at("/environment/SWITCHBOARD_API_KEY").asText()).isEqualTo("${SWITCHBOARD_API_KEY}");
        JsonNode livekit = Schemas.YAML.readTree(Files.readString(out.resolve("livekit.yaml")));
        assertThat(livekit.at("/webhook/api_key").asText()).isEqualTo("APIexport");
        assertThat(livekit.at("/webhook/urls/0").asText()).isEqualTo("http://switchboard:9090/webhooks/livekit");
        assertThat(livekit.has("keys")).isFalse();
    }

    @Test
    void envExportsListEverySettingWithADescriptionAndEmptySecrets() throws IOException {
        Path out = tmp.resolve("out");
        assertThat(Cli.run(plantedEnvironment(), "export", "--format", "env", "--out", out.toString()).exit())
                .isZero();
        assertThat(Cli.run(plantedEnvironment(), "export", "--format", "dotenv-example", "--out", out.toString())
                .exit()).isZero();

        String env = Files.readString(out.resolve("switchboard.env"));
        String example = Files.readString(out.resolve(".env.example"));
        assertThat(env).contains("\nSWITCHBOARD_HTTP_PORT=9090\n", "\nLIVEKIT_API_SECRET=\n",
                "\nLIVEKIT_API_KEY=APIexport\n");
        assertThat(example).contains("\nSWITCHBOARD_HTTP_PORT=8080\n", "\nLIVEKIT_API_KEY=\n");
        for (var s : dev.switchboard.coordinator.config.Settings.all()) {
            if (!s.name().equals("SWITCHBOARD_CONFIG")) {
                assertThat(example).contains("# " + s.description()).contains("\n" + s.name() + "=");
            }
        }
    }

    @Test
    void jsonOutputIsOneDocumentAndNoProgress() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run(plantedEnvironment(), "--output", "json", "export", "--format", "docs", "--out",
                out.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = Schemas.YAML.readTree(r.out());
        assertThat(doc.path("status").asText()).isEqualTo("written");
        assertThat(doc.path("files").size()).isEqualTo(files(out).size());
        assertThat(r.err()).doesNotContain("writing");
    }

    @Test
    void anUnknownFormatIsAUsageErrorNamingTheFormats() {
        Cli.Result r = Cli.run(Map.of(), "export", "--format", "kubernetes", "--out", tmp.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown --format 'kubernetes'", "k8s", "helm-values");
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
