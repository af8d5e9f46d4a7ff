package dev.switchboard.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.Json;
import java.util.Map;

/**
 * The {@code helm-values} export: a {@code values.yaml} with the same choices as the {@code k8s}
 * export (image, port, LiveKit URL and key, the Secret name and keys, persistence, probes, resources,
 * mode files), for a chart templated from those manifests. Secrets are named, never valued.
 * Stateless, thread-safe.
 */
final class HelmValuesExport {

    private HelmValuesExport() {
    }

    static Map<String, String> render(ExportInput in) {
        return Map.of("helm/values.yaml", Yaml.write(tree(in), "switchboard export --format helm-values",
                "Secret values are not here: existingSecret names a Secret holding the listed keys."));
    }

    static ObjectNode tree(ExportInput in) {
        ObjectNode root = Json.object();
        String image = in.image();
        int colon = image.lastIndexOf(':');
        ObjectNode img = root.putObject("image");
        img.put("repository", colon < 0 ? image : image.substring(0, colon));
        img.put("tag", colon < 0 ? "latest" : image.substring(colon + 1));
        img.put("pullPolicy", "IfNotPresent");
        root.put("replicaCount", 1);
        root.putObject("service").put("type", "ClusterIP").put("port", in.httpPort());
        ObjectNode livekit = root.putObject("livekit");
        livekit.put("url", in.setting("LIVEKIT_URL", "ws://livekit:7880"));
        livekit.put("apiKey", in.liveKitApiKey());
        livekit.put("webhookUrl", in.webhookUrl());
        ObjectNode secrets = root.putObject("secrets");
        secrets.put("existingSecret", K8sExport.SECRET);
        secrets.putArray("keys").add("LIVEKIT_API_SECRET").add("SWITCHBOARD_API_KEY");
        root.put("logLevel", in.setting("SWITCHBOARD_LOG_LEVEL", "WARN"));
        root.putObject("persistence").put("enabled", true).put("size", "1Gi").put("accessMode", "ReadWriteOnce");
        ObjectNode probes = root.putObject("probes");
        probes.put("path", "/health");
        probes.put("readinessPeriodSeconds", 5).put("livenessPeriodSeconds", 20);
        ObjectNode resources = root.putObject("resources");
        resources.putObject("requests").put("cpu", "250m").put("memory", "512Mi");
        resources.putObject("limits").put("memory", "1Gi");
        ObjectNode modes = root.putObject("modes");
        in.modeFiles().forEach(modes::put);
        return root;
    }
}
