package dev.switchboard.coordinator.cli;

import dev.switchboard.testkit.livekit.LiveKitNetwork;
import dev.switchboard.testkit.livekit.LiveKitServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * The local {@code livekit-server} that {@code serve} starts when no {@code LIVEKIT_URL} is set: fresh
 * credentials, port 7880 when free (else free ports), webhooks sent back to Switchboard. The network
 * ({@code SWITCHBOARD_DEV_NETWORK}): {@code host} (default; this machine's LAN address, so browsers
 * and agents can send media, like {@code livekit-server --dev}), {@code loopback} (control plane
 * only) or {@code namespace} (root only; what the tests use).
 * Not thread-safe; one per {@code serve}.
 */
final class DevLiveKit implements AutoCloseable {

    private final LiveKitServer server;

    private DevLiveKit(LiveKitServer server) {
        this.server = server;
    }

    static DevLiveKit start(int preferredPort, int switchboardPort, LiveKitNetwork network) {
        var builder = LiveKitServer.builder().network(network)
                .webhookUrl("http://{host}:" + switchboardPort + "/webhooks/livekit");
        if (network != LiveKitNetwork.NAMESPACE
                && free(preferredPort) && free(preferredPort + 1) && free(preferredPort + 2)) {
            builder.fixedPorts(preferredPort);
        }
        return new DevLiveKit(builder.start());
    }

    /** LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET for the coordinator's specialists. */
    Map<String, String> environment() {
        return Map.of("LIVEKIT_URL", server.wsUrl().toString(), "LIVEKIT_API_KEY", server.apiKey(),
                "LIVEKIT_API_SECRET", server.apiSecret().reveal());
    }

    /** The network named by {@code SWITCHBOARD_DEV_NETWORK} (host, loopback, namespace; default host). */
    static LiveKitNetwork network(Map<String, String> env) {
        String name = env.getOrDefault("SWITCHBOARD_DEV_NETWORK", "host").strip();
        return switch (name) {
            case "host", "" -> LiveKitNetwork.HOST;
            case "loopback" -> LiveKitNetwork.LOOPBACK;
            case "namespace" -> LiveKitNetwork.NAMESPACE;
            default -> throw new IllegalArgumentException("SWITCHBOARD_DEV_NETWORK must be host, loopback or "
                    + "namespace, was '" + name + "'");
        };
    }

    /** The network the server listens on. */
    LiveKitNetwork network() {
        return server.network();
    }

    LiveKitServer server() {
        return server;
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
