package dev.switchboard.media.voice.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.media.voice.spi.ToolSpec;
import dev.switchboard.spi.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A tool that calls the customer's HTTP endpoint: POST of
 * {@code {"tool", "call_id", "session_id", "room", "arguments"}} as JSON, signed like Switchboard's
 * webhook forwards with {@code X-Switchboard-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "t.body">}. A 2xx body is the result (text, or JSON passed on as text); anything else is an error
 * the model reads (status only, never the secret). Declared in agent TOML ({@code [tools.<name>]}).
 * Thread-safe.
 */
public final class WebhookTool implements Tool {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ToolSpec spec;
    private final URI url;
    private final Secret secret;
    private final Duration timeout;

    private WebhookTool(ToolSpec spec, URI url, Secret secret, Duration timeout) {
        this.spec = spec;
        this.url = url;
        this.secret = secret;
        this.timeout = timeout;
    }

    /**
     * A webhook tool.
     *
     * @param spec    name, description and JSON Schema of the arguments
     * @param url     the customer's {@code http} or {@code https} endpoint
     * @param secret  the signing secret (shared with the customer)
     * @param timeout how long one call may take
     */
    public static WebhookTool of(ToolSpec spec, URI url, Secret secret, Duration timeout) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(timeout, "timeout");
        String scheme = String.valueOf(Objects.requireNonNull(url, "url").getScheme());
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("url must be http or https, was " + url);
        }
        return new WebhookTool(spec, url, secret, timeout);
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public ToolOutcome invoke(JsonNode arguments, RunContext context) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("tool", spec.name()).put("call_id", context.callId())
                .put("session_id", context.session().id()).put("room", context.room().roomName());
        body.set("arguments", arguments);
        byte[] bytes = JSON.writeValueAsBytes(body);
        long t = System.currentTimeMillis() / 1000;
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-Switchboard-Tool", spec.name())
                .header("X-Switchboard-Signature", signature(secret, t, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            return ToolOutcome.error("the tool endpoint answered HTTP " + response.statusCode());
        }
        return ToolOutcome.reply(response.body().isBlank() ? "ok" : response.body());
    }

    /** {@code t=<t>,v1=<hex HMAC-SHA256(secret, "<t>." + body)>}. */
    public static String signature(Secret secret, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
