package dev.switchboard.testkit.livekit;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Finds the address a {@link LiveKitNetwork#HOST} server announces. Stateless, thread-safe. */
final class HostAddress {

    private HostAddress() {
    }

    /**
     * The IPv4 address of the interface that carries the default route (what other machines reach this
     * one on), else the first IPv4 address of an up, non-loopback, non-virtual interface (interfaces by
     * name, so the choice is stable), preferring private (site-local) addresses. The default route wins
     * over a private address so that a test's veth link in another namespace is never announced.
     *
     * @throws LiveKitUnavailableException when the machine has no such address
     */
    static String detect() {
        return defaultRouteInterface().flatMap(HostAddress::ipv4Of).orElseGet(HostAddress::firstUsable);
    }

    /** The interface of the IPv4 default route in {@code /proc/net/route}, if the file says. */
    static Optional<String> defaultRouteInterface() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/net/route")).stream().skip(1).toList()) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 7 && f[1].equals("00000000") && f[7].equals("00000000")) {
                    return Optional.of(f[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> ipv4Of(String name) {
        try {
            NetworkInterface nic = NetworkInterface.getByName(name);
            if (nic == null || !nic.isUp() || nic.isLoopback()) {
                return Optional.empty();
            }
            return Collections.list(nic.getInetAddresses()).stream()
                    .filter(a -> a instanceof Inet4Address && !a.isLinkLocalAddress())
                    .map(InetAddress::getHostAddress).findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static String firstUsable() {
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
