package dev.switchboard.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code compose} export: {@code compose.yaml} with Switchboard and livekit-server (Redis and egress
 * behind the {@code redis} and {@code egress} profiles), healthchecks, volumes for modes, plugins and
 * the journal; plus the {@code livekit.yaml} it mounts and the operator's mode files under
 * {@code modes/}. Secrets are compose interpolations ({@code ${LIVEKIT_API_SECRET}}) read from the
 * shell or an {@code .env} file at {@code docker compose up}. Stateless, thread-safe.
 */
final class ComposeExport {

    static final String LIVEKIT_IMAGE = "livekit/livekit-server:v1.13.5";

    private ComposeExport() {
    }

    static Map<String, String> render(ExportInput in) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("compose.yaml", Yaml.write(tree(in),
                "Switchboard + livekit-server (switchboard export --format compose).",
                "Secrets come from the shell or ./.env: LIVEKIT_API_KEY, LIVEKIT_API_SECRET, SWITCHBOARD_API_KEY.",
                "Optional services: docker compose --profile redis --profile egress up"));
        files.put("livekit.yaml", LiveKitYamlExport.text(in));
        in.modeFiles().forEach((name, text) -> files.put("modes/" + name, text));
        return files;
    }

    static ObjectNode tree(ExportInput in) {
        int http = in.httpPort();
        int lk = in.liveKitPort();
        ObjectNode root = Json.object();
        ObjectNode services = root.putObject("services");

        ObjectNode livekit = services.putObject("livekit");
        livekit.put("image", LIVEKIT_IMAGE);
        livekit.putArray("command").add("--config").add("/etc/livekit.yaml");
        livekit.putObject("environment").put("LIVEKIT_KEYS", "${LIVEKIT_API_KEY}: ${LIVEKIT_API_SECRET}");
        livekit.putArray("ports").add(lk + ":" + lk).add((lk + 1) + ":" + (lk + 1))
                .add((lk + 2) + ":" + (lk + 2) + "/udp");
        livekit.putArray("volumes").add("./livekit.yaml:/etc/livekit.yaml:ro");
        healthcheck(livekit, "wget -q -O /dev/null http://127.0.0.1:" + lk + "/ || exit 1");
        livekit.put("restart", "unless-stopped");

        ObjectNode sb = services.putObject("switchboard");
        sb.put("image", in.image());
        sb.putArray("command").add("serve").add("--bind").add("0.0.0.0").add("--port").add(String.valueOf(http));
        ObjectNode env = sb.putObject("environment");
        env.put("LIVEKIT_URL", "ws://livekit:" + lk);
        env.put("LIVEKIT_API_KEY", "${LIVEKIT_API_KEY}");
        env.put("LIVEKIT_API_SECRET", "${LIVEKIT_API_SECRET}");
        env.put("SWITCHBOARD_API_KEY", "${SWITCHBOARD_API_KEY}");
        env.put("SWITCHBOARD_MODES", "/etc/switchboard/modes");
        env.put("SWITCHBOARD_PLUGINS", "/opt/switchboard/plugins");
        env.put("SWITCHBOARD_DATA", "/var/lib/switchboard");
        env.put("SWITCHBOARD_LOG_LEVEL", in.setting("SWITCHBOARD_LOG_LEVEL", "WARN"));
        sb.putArray("ports").add(http + ":" + http);
        sb.putArray("volumes").add("./modes:/etc/switchboard/modes:ro")
                .add("./plugins:/opt/switchboard/plugins:ro")
                .add("journal:/var/lib/switchboard");
        sb.putObject("depends_on").putObject("livekit").put("condition", "service_healthy");
        healthcheck(sb, "wget -q -O /dev/null http://127.0.0.1:" + http + "/health || exit 1");
        sb.put("restart", "unless-stopped");

        ObjectNode redis = services.putObject("redis");
        redis.put("image", "redis:7-alpine");
        redis.putArray("profiles").add("redis").add("egress");
        healthcheck(redis, "redis-cli ping | grep -q PONG");

        ObjectNode egress = services.putObject("egress");
        egress.put("image", "livekit/egress:v1.10");
        egress.putArray("profiles").add("egress");
        egress.putObject("environment").put("EGRESS_CONFIG_BODY", "api_key: ${LIVEKIT_API_KEY}\n"
                + "api_secret: ${LIVEKIT_API_SECRET}\nws_url: ws://livekit:" + lk
                + "\nredis:\n  address: redis:6379\n");
        egress.putArray("cap_add").add("SYS_ADMIN");
        egress.putObject("depends_on").putObject("redis").put("condition", "service_healthy");

        root.putObject("volumes").putObject("journal");
        return root;
    }

    private static void healthcheck(ObjectNode service, String shell) {
        ObjectNode hc = service.putObject("healthcheck");
        ArrayNode test = hc.putArray("test");
        test.add("CMD-SHELL").add(shell);
        hc.put("interval", "10s").put("timeout", "3s").put("retries", 5).put("start_period", "10s");
    }
}
