package dev.switchboard.coordinator.cli;

import dev.switchboard.testkit.livekit.LiveKitServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * The local {@code livekit-server} that {@code serve} starts when no {@code LIVEKIT_URL} is set: fresh
 * credentials, loopback, port 7880 when free (else free ports), webhooks sent back to Switchboard.
 * Not thread-safe; one per {@code serve}.
 */
final class DevLiveKit implements AutoCloseable {

    private final LiveKitServer server;

    private DevLiveKit(LiveKitServer server) {
        this.server = server;
    }

    static DevLiveKit start(int preferredPort, int switchboardPort) {
        var builder = LiveKitServer.builder()
                .webhookUrl("http://{host}:" + switchboardPort + "/webhooks/livekit");
        if (free(preferredPort) && free(preferredPort + 1) && free(preferredPort + 2)) {
            builder.fixedPorts(preferredPort);
        }
        return new DevLiveKit(builder.start());
    }

    /** LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET for the coordinator's specialists. */
    Map<String, String> environment() {
        return Map.of("LIVEKIT_URL", server.wsUrl().toString(), "LIVEKIT_API_KEY", server.apiKey(),
                "LIVEKIT_API_SECRET", server.apiSecret().reveal());
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
