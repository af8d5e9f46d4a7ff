package dev.switchboard.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.Json;
import java.util.Map;

/**
 * The {@code livekit-yaml} export: a {@code livekit.yaml} (livekit-server v1.13 keys) whose port is
 * Switchboard's {@code LIVEKIT_URL} port, whose webhooks are signed with Switchboard's
 * {@code LIVEKIT_API_KEY} and sent to Switchboard's receiver. The key pair itself is not in the file:
 * livekit-server reads it from {@code LIVEKIT_KEYS="KEY: SECRET"} (or {@code --key-file}), so the secret
 * is never copied. Stateless, thread-safe.
 */
final class LiveKitYamlExport {

    private LiveKitYamlExport() {
    }

    static Map<String, String> render(ExportInput in) {
        return Map.of("livekit.yaml", text(in));
    }

    static String text(ExportInput in) {
        return Yaml.write(tree(in),
                "livekit-server config matching Switchboard (switchboard export --format livekit-yaml).",
                "Keys are not in this file: start livekit-server with",
                "  LIVEKIT_KEYS=\"" + in.liveKitApiKey() + ": ${LIVEKIT_API_SECRET}\" \\",
                "    livekit-server --config livekit.yaml",
                "(the same LIVEKIT_API_KEY/LIVEKIT_API_SECRET Switchboard uses).",
                "Behind NAT (cloud VMs) add --node-ip PUBLIC_IP, or set rtc.use_external_ip: true (needs STUN).");
    }

    static ObjectNode tree(ExportInput in) {
        int port = in.liveKitPort();
        ObjectNode root = Json.object();
        root.put("port", port);
        root.putArray("bind_addresses").add("0.0.0.0");
        ObjectNode rtc = root.putObject("rtc");
        rtc.put("tcp_port", port + 1);
        rtc.put("udp_port", port + 2);
        rtc.put("use_external_ip", false);
        root.putObject("room").put("auto_create", true);
        ObjectNode webhook = root.putObject("webhook");
        webhook.put("api_key", in.liveKitApiKey());
        webhook.putArray("urls").add(in.webhookUrl());
        root.putObject("logging").put("level", "info").put("json", true);
        return root;
    }
}
