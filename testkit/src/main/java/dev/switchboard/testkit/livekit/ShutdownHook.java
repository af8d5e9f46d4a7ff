package dev.switchboard.testkit.livekit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Stops servers still running when the JVM exits (one hook for all of them). Thread-safe. */
final class ShutdownHook {

    private static final Set<LiveKitServer> RUNNING = new LinkedHashSet<>();
    private static boolean installed;

    private ShutdownHook() {
    }

    static synchronized void register(LiveKitServer server) {
        if (!installed) {
            Runtime.getRuntime().addShutdownHook(new Thread(ShutdownHook::stopAll, "livekit-server-shutdown"));
            installed = true;
        }
        RUNNING.add(server);
    }

    static synchronized void unregister(LiveKitServer server) {
        RUNNING.remove(server);
    }

    private static void stopAll() {
        List<LiveKitServer> servers;
        synchronized (ShutdownHook.class) {
            servers = new ArrayList<>(RUNNING);
        }
        servers.forEach(LiveKitServer::close);
    }
}
