package dev.switchboard.testkit.livekit;

import dev.switchboard.spi.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A running {@code livekit-server} process started with a generated config: a fresh random API
 * key/secret, its own ports, rooms auto-created, and optionally webhooks pointing at the code under
 * test. Used by tests (through {@link LiveKitServerExtension}) and by {@code switchboard serve} to
 * start a local dev server when no LiveKit URL is configured.
 *
 * <pre>{@code
 * try (LiveKitServer lk = LiveKitServer.builder().network(LiveKitNetwork.NAMESPACE).start()) {
 *     URI ws = lk.wsUrl();          // ws://10.x.y.2:7880
 *     Secret secret = lk.apiSecret();
 * }
 * }</pre>
 *
 * <p>{@link #close()} stops the process and removes the network namespace; servers still running
 * when the JVM exits are stopped by a shutdown hook. Thread-safe.
 */
public interface LiveKitServer extends AutoCloseable {

    /** A builder with defaults: loopback, fresh credentials, rooms auto-created, no webhooks. */
    static LiveKitServerBuilder builder() {
        return new LiveKitServerBuilder();
    }

    /** Starts a server on loopback with the defaults; see {@link #builder()}. */
    static LiveKitServer startLoopback() {
        return builder().start();
    }

    /** Where it runs. */
    LiveKitNetwork network();

    /** The HTTP base URL for the server APIs, {@code http://host:port} (no trailing slash). */
    URI httpUrl();

    /** The WebSocket URL clients connect to, {@code ws://host:port}. */
    URI wsUrl();

    /** The address the server listens on and advertises ({@code 127.0.0.1} or the namespace side). */
    String address();

    /**
     * The address the server reaches the host at: {@code 127.0.0.1} on loopback, the host side of the
     * veth pair in a namespace. Use it for webhook receivers (or the {@code {host}} placeholder).
     */
    String hostAddress();

    /** The signalling/API TCP port. */
    int httpPort();

    /** The ICE/TCP port ({@code rtc.tcp_port}). */
    int rtcTcpPort();

    /** The ICE/UDP mux port ({@code rtc.udp_port}). */
    int rtcUdpPort();

    /** The API key that signs admin tokens and webhooks. */
    String apiKey();

    /** The secret of {@link #apiKey()}; prints only its reference. */
    Secret apiSecret();

    /** Every key pair the server accepts (the signing pair first), for key-rotation tests. */
    Map<String, Secret> keys();

    /** The webhook URLs configured, placeholders resolved; empty when webhooks are off. */
    List<URI> webhookUrls();

    /** The network namespace name, when {@link #network()} is {@link LiveKitNetwork#NAMESPACE}. */
    Optional<String> namespace();

    /** The server's combined stdout/stderr log file (kept until {@link #close()}). */
    Path logFile();

    /** Whether the process is alive. */
    boolean isRunning();

    /**
     * Kills the process at once (SIGKILL), keeping ports, namespace and config so {@link #restart()}
     * can bring it back: for "server died mid-operation" tests.
     */
    void kill();

    /**
     * Starts the process again with the same config, ports and credentials after {@link #kill()}
     * (stops it first if it runs), and waits until it answers.
     *
     * @throws LiveKitUnavailableException when it does not come back
     */
    void restart();

    /**
     * Cuts the network between the host and a {@link LiveKitNetwork#NAMESPACE} server (the host end of the
     * veth pair goes down): packets in both directions are lost, open TCP connections and ICE sessions
     * stall, the server keeps running. Undo with {@link #restoreNetwork()}; for "network blip" tests.
     *
     * @throws IllegalStateException on {@link LiveKitNetwork#LOOPBACK} (loopback cannot be cut)
     */
    void cutNetwork();

    /** Brings the veth link back up after {@link #cutNetwork()}; a no-op when it is up. */
    void restoreNetwork();

    /** {@link #cutNetwork()}, waits {@code outage}, then {@link #restoreNetwork()} (also when interrupted). */
    default void cutNetwork(java.time.Duration outage) {
        cutNetwork();
        try {
            Thread.sleep(outage);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            restoreNetwork();
        }
    }

    /**
     * Stops the process (SIGTERM; SIGKILL when it has not exited after 3 s, e.g. while participants are
     * still connected), then removes the namespace and the config/log directory. Idempotent.
     */
    @Override
    void close();
}
