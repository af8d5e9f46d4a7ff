package dev.switchboard.testkit.livekit;

import dev.switchboard.spi.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Configures and starts a {@link LiveKitServer}. Defaults: {@link LiveKitNetwork#LOOPBACK}, a fresh
 * random key/secret, rooms auto-created, no webhooks, log level {@code info}, 30 s start timeout,
 * binary from {@link LiveKitBinary#require()}. Not thread-safe; {@link #start()} may be called more
 * than once to start several servers with the same settings (each gets its own credentials).
 */
public final class LiveKitServerBuilder {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern LEVEL = Pattern.compile("debug|info|warn|error");

    private LiveKitNetwork network = LiveKitNetwork.LOOPBACK;
    private Path binary;
    private String apiKey;
    private Secret apiSecret;
    private final Map<String, Secret> extraKeys = new LinkedHashMap<>();
    private final List<String> webhookUrls = new ArrayList<>();
    private boolean roomAutoCreate = true;
    private String logLevel = "info";
    private Duration startTimeout = Duration.ofSeconds(30);
    private int fixedHttpPort;

    LiveKitServerBuilder() {
    }

    /** Where the server runs (default loopback). */
    public LiveKitServerBuilder network(LiveKitNetwork value) {
        this.network = Objects.requireNonNull(value, "network");
        return this;
    }

    /** An explicit binary instead of the {@link LiveKitBinary} lookup. */
    public LiveKitServerBuilder binary(Path value) {
        this.binary = Objects.requireNonNull(value, "binary");
        return this;
    }

    /**
     * Loopback only: listen on {@code httpPort} (ICE/TCP on {@code httpPort + 1}, ICE/UDP on
     * {@code httpPort + 2}, like livekit-server's 7880/7881/7882) instead of free ports, so clients can
     * be pointed at a stable URL (the CLI's local dev server). Fails with the port named when one is taken.
     */
    public LiveKitServerBuilder fixedPorts(int httpPort) {
        if (httpPort < 1024 || httpPort > 65_533) {
            throw new IllegalArgumentException("fixedPorts " + httpPort + " must be between 1024 and 65533");
        }
        this.fixedHttpPort = httpPort;
        return this;
    }

    /** Fixed credentials (for example the dev pair {@code devkey}/{@code secret}) instead of fresh ones. */
    public LiveKitServerBuilder credentials(String key, Secret secret) {
        this.apiKey = checkKey(key);
        this.apiSecret = checkSecret(key, secret);
        return this;
    }

    /** One more key pair the server accepts (for rotation tests); the main pair still signs webhooks. */
    public LiveKitServerBuilder additionalKey(String key, Secret secret) {
        extraKeys.put(checkKey(key), checkSecret(key, secret));
        return this;
    }

    /**
     * Adds a webhook URL ({@code webhook.urls}); events are signed with the main API key. The
     * placeholder {@code {host}} is replaced by {@link LiveKitServer#hostAddress()}, so a receiver on
     * the host is reachable from a namespace too: {@code http://{host}:8099/webhook}.
     */
    public LiveKitServerBuilder webhookUrl(String url) {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("webhookUrl '" + url + "' must start with http:// or https://");
        }
        webhookUrls.add(url);
        return this;
    }

    /** Whether joining a missing room creates it ({@code room.auto_create}, default true). */
    public LiveKitServerBuilder roomAutoCreate(boolean value) {
        this.roomAutoCreate = value;
        return this;
    }

    /** The server's log level: debug, info, warn or error (default info). */
    public LiveKitServerBuilder logLevel(String value) {
        if (!LEVEL.matcher(Objects.requireNonNull(value, "logLevel")).matches()) {
            throw new IllegalArgumentException("logLevel '" + value + "' must be one of debug, info, warn, error");
        }
        this.logLevel = value;
        return this;
    }

    /** How long to wait for {@code GET /} to answer 200 (default 30 s). */
    public LiveKitServerBuilder startTimeout(Duration value) {
        if (Objects.requireNonNull(value, "startTimeout").isNegative() || value.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive, got " + value);
        }
        this.startTimeout = value;
        return this;
    }

    /**
     * Starts the server and waits until it answers.
     *
     * @throws LiveKitUnavailableException when the binary is missing, the namespace cannot be made
     *     (not root), or the server exits or does not answer in time; the message says which
     */
    public LiveKitServer start() {
        Path bin = binary != null ? binary : LiveKitBinary.require();
        String key = apiKey != null ? apiKey : Credentials.newKey();
        Secret secret = apiSecret != null ? apiSecret : Credentials.newSecret(key);
        Map<String, Secret> keys = new LinkedHashMap<>();
        keys.put(key, secret);
        extraKeys.forEach(keys::putIfAbsent);
        if (fixedHttpPort != 0 && network == LiveKitNetwork.NAMESPACE) {
            throw new IllegalArgumentException(
                    "fixedPorts applies to LOOPBACK and HOST only; a namespace always uses 7880-7882");
        }
        LiveKitServerOptions options = new LiveKitServerOptions(
                network, bin, key, keys, webhookUrls, roomAutoCreate, logLevel, startTimeout, fixedHttpPort);
        return LiveKitProcess.start(options);
    }

    private static Secret checkSecret(String key, Secret secret) {
        if (Objects.requireNonNull(secret, "secret").reveal().isBlank()) {
            throw new IllegalArgumentException("the secret of API key '" + key + "' (" + secret.reference()
                    + ") must not be blank");
        }
        return secret;
    }

    private static String checkKey(String key) {
        if (!KEY.matcher(Objects.requireNonNull(key, "key")).matches()) {
            throw new IllegalArgumentException("API key '" + key + "' must be 1-64 letters, digits, '_' or '-'");
        }
        return key;
    }
}
