package dev.switchboard.specialist.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.Secret;
import dev.switchboard.spi.SpecialistContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the LiveKit server is and how to sign requests to it. Read from the specialist's
 * {@code livekit} config table ({@code url}, {@code api-key}, {@code api-secret} as a reference,
 * {@code timeout-ms}), falling back to {@code ${LIVEKIT_URL}}, {@code ${LIVEKIT_API_KEY}} and
 * {@code ${LIVEKIT_API_SECRET}}. Immutable; {@link #toString()} never shows the secret.
 *
 * @param url the server's HTTP(S) base URL ({@code ws}/{@code wss} are mapped to {@code http}/{@code https})
 * @param apiKey the API key (not secret: it names the secret)
 * @param apiSecret the API secret
 * @param timeout the per-call timeout when the request has no earlier deadline
 */
public record LiveKitSettings(URI url, String apiKey, Secret apiSecret, Duration timeout) {

    /** Validates that every part is present. */
    public LiveKitSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(apiSecret, "apiSecret");
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Reads the settings of a specialist.
     *
     * @throws ConfigException naming the key when the URL has a wrong scheme or a value is missing
     */
    public static LiveKitSettings from(SpecialistContext context) {
        JsonNode lk = context.config().path("livekit");
        String where = "specialists." + context.specialist() + ".livekit";
        String rawUrl = text(lk, "url", "${LIVEKIT_URL}");
        if (rawUrl.startsWith("${")) {
            rawUrl = context.secrets().find(rawUrl).map(Secret::reveal)
                    .orElseThrow(() -> new ConfigException(where + ".url",
                            "no LiveKit URL: set " + where + ".url or the LIVEKIT_URL environment variable"));
        }
        String apiKey = text(lk, "api-key", "${LIVEKIT_API_KEY}");
        if (apiKey.startsWith("${")) {
            apiKey = context.secrets().find(apiKey).map(Secret::reveal)
                    .orElseThrow(() -> new ConfigException(where + ".api-key",
                            "no LiveKit API key: set " + where + ".api-key or LIVEKIT_API_KEY"));
        }
        String secretRef = text(lk, "api-secret", "${LIVEKIT_API_SECRET}");
        Secret secret = context.secrets().find(secretRef).orElseThrow(() -> new ConfigException(
                where + ".api-secret", "the API secret reference " + secretRef + " resolves to nothing"));
        Duration timeout = Duration.ofMillis(lk.path("timeout-ms").asLong(10_000));
        return new LiveKitSettings(httpUrl(rawUrl, where + ".url"), apiKey, secret, timeout);
    }

    /**
     * Parses a LiveKit URL, accepting http, https, ws and wss.
     *
     * @throws ConfigException at {@code location} for any other scheme or a malformed URL
     */
    public static URI httpUrl(String raw, String location) {
        URI uri;
        try {
            uri = new URI(raw.trim());
        } catch (URISyntaxException e) {
            throw new ConfigException(location, "'" + raw + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String mapped = switch (scheme) {
            case "http", "ws" -> "http";
            case "https", "wss" -> "https";
            default -> throw new ConfigException(location, "wrong URL scheme '" + scheme + "' in '" + raw
                    + "': a LiveKit URL starts with http://, https://, ws:// or wss://");
        };
        if (uri.getHost() == null) {
            throw new ConfigException(location, "'" + raw + "' has no host");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        return URI.create(mapped + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path);
    }

    private static String text(JsonNode node, String key, String fallback) {
        JsonNode v = node.path(key);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : fallback;
    }
}
