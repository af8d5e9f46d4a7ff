package dev.switchboard.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code k8s} export: a ConfigMap of settings, a ConfigMap of the mode files, a StatefulSet (the
 * journal needs a stable volume) with probes on {@code /health} and resources, a Service, and a README
 * with the one command that creates the Secret they reference ({@code secretKeyRef}; no value is
 * exported). Stateless, thread-safe.
 */
final class K8sExport {

    static final String NAME = "switchboard";
    static final String SECRET = "switchboard-secrets";

    private K8sExport() {
    }

    static Map<String, String> render(ExportInput in) {
        Map<String, String> files = new LinkedHashMap<>();
        String header = "switchboard export --format k8s";
        files.put("k8s/configmap-settings.yaml", Yaml.write(settings(in), header));
        files.put("k8s/configmap-modes.yaml", Yaml.write(modes(in), header));
        files.put("k8s/statefulset.yaml", Yaml.write(statefulSet(in), header));
        files.put("k8s/service.yaml", Yaml.write(service(in), header));
        files.put("k8s/README.md", readme(in));
        return files;
    }

    static ObjectNode settings(ExportInput in) {
        ObjectNode cm = object("v1", "ConfigMap", NAME + "-settings");
        ObjectNode data = cm.putObject("data");
        data.put("LIVEKIT_URL", in.setting("LIVEKIT_URL", "ws://livekit:7880"));
        data.put("LIVEKIT_API_KEY", in.liveKitApiKey());
        data.put("SWITCHBOARD_MODES", "/etc/switchboard/modes");
        data.put("SWITCHBOARD_PLUGINS", "/opt/switchboard/plugins");
        data.put("SWITCHBOARD_DATA", "/var/lib/switchboard");
        data.put("SWITCHBOARD_LOG_LEVEL", in.setting("SWITCHBOARD_LOG_LEVEL", "WARN"));
        return cm;
    }

    static ObjectNode modes(ExportInput in) {
        ObjectNode cm = object("v1", "ConfigMap", NAME + "-modes");
        ObjectNode data = cm.putObject("data");
        in.modeFiles().forEach(data::put);
        return cm;
    }

    static ObjectNode statefulSet(ExportInput in) {
        int http = in.httpPort();
        ObjectNode ss = object("apps/v1", "StatefulSet", NAME);
        ObjectNode spec = ss.putObject("spec");
        spec.put("serviceName", NAME);
        spec.put("replicas", 1);
        spec.putObject("selector").putObject("matchLabels").put("app.kubernetes.io/name", NAME);
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").putObject("labels").put("app.kubernetes.io/name", NAME);
        ObjectNode pod = template.putObject("spec");
        ObjectNode c = pod.putArray("containers").addObject();
        c.put("name", NAME);
        c.put("image", in.image());
        c.putArray("args").add("serve").add("--bind").add("0.0.0.0").add("--port").add(String.valueOf(http));
        c.putArray("ports").addObject().put("name", "http").put("containerPort", http).put("protocol", "TCP");
        c.putArray("envFrom").addObject().putObject("configMapRef").put("name", NAME + "-settings");
        ArrayNode env = c.putArray("env");
        for (String secret : new String[] {"LIVEKIT_API_SECRET", "SWITCHBOARD_API_KEY"}) {
            env.addObject().put("name", secret).putObject("valueFrom").putObject("secretKeyRef")
                    .put("name", SECRET).put("key", secret);
        }
        c.set("readinessProbe", probe(http, 5));
        c.set("livenessProbe", probe(http, 20));
        ObjectNode resources = c.putObject("resources");
        resources.putObject("requests").put("cpu", "250m").put("memory", "512Mi");
        resources.putObject("limits").put("memory", "1Gi");
        ArrayNode mounts = c.putArray("volumeMounts");
        mounts.addObject().put("name", "modes").put("mountPath", "/etc/switchboard/modes").put("readOnly", true);
        mounts.addObject().put("name", "journal").put("mountPath", "/var/lib/switchboard");
        pod.putArray("volumes").addObject().put("name", "modes").putObject("configMap").put("name", NAME + "-modes");
        ObjectNode claim = spec.putArray("volumeClaimTemplates").addObject();
        claim.putObject("metadata").put("name", "journal");
        ObjectNode claimSpec = claim.putObject("spec");
        claimSpec.putArray("accessModes").add("ReadWriteOnce");
        claimSpec.putObject("resources").putObject("requests").put("storage", "1Gi");
        return ss;
    }

    static ObjectNode service(ExportInput in) {
        ObjectNode svc = object("v1", "Service", NAME);
        ObjectNode spec = svc.putObject("spec");
        spec.putObject("selector").put("app.kubernetes.io/name", NAME);
        spec.putArray("ports").addObject().put("name", "http").put("port", in.httpPort())
                .put("targetPort", "http").put("protocol", "TCP");
        return svc;
    }

    private static ObjectNode probe(int port, int period) {
        ObjectNode p = Json.object();
        p.putObject("httpGet").put("path", "/health").put("port", port);
        p.put("periodSeconds", period).put("timeoutSeconds", 3).put("failureThreshold", 3);
        return p;
    }

    private static ObjectNode object(String apiVersion, String kind, String name) {
        ObjectNode o = Json.object().put("apiVersion", apiVersion).put("kind", kind);
        ObjectNode meta = o.putObject("metadata");
        meta.put("name", name);
        meta.putObject("labels").put("app.kubernetes.io/name", NAME).put("app.kubernetes.io/part-of", NAME);
        return o;
    }

    private static String readme(ExportInput in) {
        return "# Switchboard on Kubernetes (switchboard export --format k8s)\n\n"
                + "The manifests reference a Secret `" + SECRET + "` that this export never writes. Create it:\n\n"
                + "```bash\nkubectl create secret generic " + SECRET + " \\\n"
                + "  --from-literal=LIVEKIT_API_SECRET=\"$LIVEKIT_API_SECRET\" \\\n"
                + "  --from-literal=SWITCHBOARD_API_KEY=\"$SWITCHBOARD_API_KEY\"\n"
                + "kubectl apply -f k8s/\n```\n\n"
                + "The image `" + in.image() + "` must contain the Switchboard launcher and the plugin JARs in "
                + "`/opt/switchboard/plugins`. LiveKit webhooks go to `" + in.webhookUrl() + "`.\n";
    }
}
