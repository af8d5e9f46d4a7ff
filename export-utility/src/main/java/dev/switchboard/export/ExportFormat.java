package dev.switchboard.export;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The export formats of {@code switchboard export --format F}, each with the files it writes. Thread-safe.
 */
public enum ExportFormat {
    /** {@code switchboard.env}: the settings in force, secrets empty. */
    ENV("env", EnvExport::effective),
    /** {@code .env.example}: every setting at its default with a one-line description, secrets empty. */
    DOTENV_EXAMPLE("dotenv-example", EnvExport::example),
    /** {@code compose.yaml} (+ {@code livekit.yaml}, {@code modes/}). */
    COMPOSE("compose", ComposeExport::render),
    /** {@code k8s/*.yaml}: ConfigMaps, StatefulSet, Service, and a README for the Secret. */
    K8S("k8s", K8sExport::render),
    /** {@code helm/values.yaml}. */
    HELM_VALUES("helm-values", HelmValuesExport::render),
    /** {@code livekit.yaml} matching Switchboard's LiveKit key, port and webhook URL. */
    LIVEKIT_YAML("livekit-yaml", LiveKitYamlExport::render),
    /** {@code reference/**.md}: operations, gates, decision tree, workflows, agents, metrics, settings. */
    DOCS("docs", DocsExport::render);

    private final String id;
    private final Function<ExportInput, Map<String, String>> renderer;

    ExportFormat(String id, Function<ExportInput, Map<String, String>> renderer) {
        this.id = id;
        this.renderer = renderer;
    }

    /** The name used on the command line ({@code dotenv-example}). */
    public String id() {
        return id;
    }

    /** The format named {@code id}, or empty. */
    public static Optional<ExportFormat> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }

    Map<String, String> render(ExportInput in) {
        return renderer.apply(in);
    }

    @Override
    public String toString() {
        return id;
    }
}
