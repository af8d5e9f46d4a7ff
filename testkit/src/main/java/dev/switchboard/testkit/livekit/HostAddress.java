package dev.switchboard.testkit.livekit;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Finds the address a {@link LiveKitNetwork#HOST} server announces. Stateless, thread-safe. */
final class HostAddress {

    private HostAddress() {
    }

    /**
     * The first IPv4 address of an up, non-loopback, non-virtual interface (interfaces by name, so
     * the choice is stable), preferring private (site-local) addresses.
     *
     * @throws LiveKitUnavailableException when the machine has no such address
     */
    static String detect() {
        try {
            List<NetworkInterface> interfaces = Collections.list(NetworkInterface.getNetworkInterfaces());
            interfaces.sort(Comparator.comparing(NetworkInterface::getName));
            String fallback = "";
            for (NetworkInterface nic : interfaces) {
                if (!nic.isUp() || nic.isLoopback() || nic.isVirtual() || nic.isPointToPoint()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLinkLocalAddress()) {
                        if (a.isSiteLocalAddress()) {
                            return a.getHostAddress();
                        }
                        fallback = fallback.isEmpty() ? a.getHostAddress() : fallback;
                    }
                }
            }
            if (fallback.isEmpty()) {
                throw new LiveKitUnavailableException("this machine has no non-loopback IPv4 address for a HOST "
                        + "LiveKit server (WebRTC needs one; libwebrtc ignores loopback)");
            }
            return fallback;
        } catch (SocketException e) {
            throw new LiveKitUnavailableException("cannot list the network interfaces: " + e.getMessage());
        }
    }
}
