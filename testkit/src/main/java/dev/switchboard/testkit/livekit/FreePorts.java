package dev.switchboard.testkit.livekit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Picks ports that are free right now. Another process may take one before livekit-server binds it;
 * the launcher retries with new ports when that happens. Thread-safe.
 */
final class FreePorts {

    private FreePorts() {
    }

    /** Three distinct free ports: HTTP (TCP), ICE/TCP and ICE/UDP. */
    static ConfigYaml.Ports pick() {
        int http = tcp();
        int rtcTcp = tcp();
        while (rtcTcp == http) {
            rtcTcp = tcp();
        }
        return new ConfigYaml.Ports(http, rtcTcp, udp());
    }

    private static int tcp() {
        // livekit binds ICE/TCP on all addresses, so probe the wildcard address.
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port", e);
        }
    }

    private static int udp() {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free UDP port", e);
        }
    }
}
