package dev.switchboard.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.everit.json.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compose and k8s exports validate against the published schemas (vendored, see schemas/SOURCES.md). */
class ExportSchemaTest {

    private static final Map<String, String> ENV = Map.of("LIVEKIT_URL", "ws://127.0.0.1:7880",
            "LIVEKIT_API_KEY", "APIschema");

    @TempDir
    Path out;

    @Test
    void composeValidatesAgainstTheComposeSpec() throws IOException {
        export("compose");
        String compose = Files.readString(out.resolve("compose.yaml"));

        assertThat(Schemas.violations(Schemas.compose(), compose)).isEmpty();
    }

    @Test
    void theComposeSchemaRejectsABrokenService() throws IOException {
        export("compose");
        String broken = Files.readString(out.resolve("compose.yaml")).replace("    restart:", "    restarts:");

        assertThat(Schemas.violations(Schemas.compose(), broken)).isNotEmpty();
    }

    @Test
    void everyKubernetesDocumentValidatesAgainstItsKindsSchema() throws IOException {
        export("k8s");
        Map<String, String> schemaOf = Map.of("configmap-settings.yaml", "configmap-v1.json",
                "configmap-modes.yaml", "configmap-v1.json", "statefulset.yaml", "statefulset-apps-v1.json",
                "service.yaml", "service-v1.json");

        for (var e : schemaOf.entrySet()) {
            String doc = Files.readString(out.resolve("k8s").resolve(e.getKey()));
            assertThat(Schemas.violations(Schemas.kubernetes(e.getValue()), doc)).as(e.getKey()).isEmpty();
        }
        assertThat(ExportFormatsTest.files(out.resolve("k8s"))).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("README.md", "configmap-settings.yaml", "configmap-modes.yaml",
                        "statefulset.yaml", "service.yaml");
    }

    @Test
    void theKubernetesSchemaRejectsAMisspelledField() throws IOException {
        export("k8s");
        Schema schema = Schemas.kubernetes("statefulset-apps-v1.json");
        String broken = Files.readString(out.resolve("k8s/statefulset.yaml"))
                .replace("readinessProbe:", "readynessProbe:");

        assertThat(Schemas.violations(schema, broken)).isNotEmpty();
    }

    @Test
    void theStatefulSetReferencesSecretsAndProbesHealth() throws IOException {
        export("k8s");
        var doc = Schemas.YAML.readTree(Files.readString(out.resolve("k8s/statefulset.yaml")));
        var container = doc.at("/spec/template/spec/containers/0");

        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health");
        assertThat(container.at("/env/0/valueFrom/secretKeyRef/name").asText()).isEqualTo("switchboard-secrets");
        assertThat(container.at("/env/0/valueFrom/secretKeyRef/key").asText()).isEqualTo("LIVEKIT_API_SECRET");
        assertThat(doc.at("/spec/volumeClaimTemplates/0/metadata/name").asText()).isEqualTo("journal");
    }

    private void export(String format) {
        Cli.Result r = Cli.run(ENV, "export", "--format", format, "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
    }
}
