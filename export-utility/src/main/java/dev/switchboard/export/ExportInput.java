package dev.switchboard.export;

import dev.switchboard.coordinator.config.EffectiveConfig;
import dev.switchboard.coordinator.modes.ModeSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything an export is made from: the effective configuration, the modes in force, the operator's
 * mode files (name to TOML text), the loaded operations, and the deployment choices that no setting
 * holds. Immutable; holds no secret value an export could copy (exports read only non-secret settings).
 *
 * @param config the effective configuration
 * @param modes the modes in force (built-ins plus the operator's folder)
 * @param modeFiles the mode files to ship in a ConfigMap or a volume, by file name
 * @param operations the loaded operations, sorted by name
 * @param image the Switchboard container image ({@code switchboard:0.1.0})
 * @param webhookUrl the URL LiveKit posts webhooks to
 */
public record ExportInput(EffectiveConfig config, ModeSet modes, Map<String, String> modeFiles,
        List<ExportedOperation> operations, String image, String webhookUrl) {

    /** The default container image name. */
    public static final String DEFAULT_IMAGE = "switchboard:0.1.0";

    /** Validates and copies. */
    public ExportInput {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(modes, "modes");
        modeFiles = java.util.Collections.unmodifiableMap(new TreeMap<>(modeFiles));
        operations = operations.stream()
                .sorted(Comparator.comparing((ExportedOperation o) -> o.descriptor().name())).toList();
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
    }

    /** A non-secret setting's effective value, or {@code fallback}. */
    String setting(String name, String fallback) {
        return config.value(name).orElse(fallback);
    }

    /** The HTTP API port. */
    int httpPort() {
        return Integer.parseInt(setting("SWITCHBOARD_HTTP_PORT", "8080"));
    }

    /** LiveKit's signalling port: the one in {@code LIVEKIT_URL}, else the dev server's. */
    int liveKitPort() {
        String url = setting("LIVEKIT_URL", "");
        if (!url.isEmpty()) {
            int port = java.net.URI.create(url).getPort();
            if (port > 0) {
                return port;
            }
        }
        return Integer.parseInt(setting("SWITCHBOARD_LIVEKIT_PORT", "7880"));
    }

    /** The LiveKit API key (an identifier, not a secret), or a placeholder to replace. */
    String liveKitApiKey() {
        return setting("LIVEKIT_API_KEY", "REPLACE-WITH-LIVEKIT_API_KEY");
    }

    /** The default webhook URL for a Switchboard reachable as host {@code switchboard}. */
    static String defaultWebhookUrl(EffectiveConfig config) {
        return "http://switchboard:" + config.value("SWITCHBOARD_HTTP_PORT").orElse("8080") + "/webhooks/livekit";
    }
}
