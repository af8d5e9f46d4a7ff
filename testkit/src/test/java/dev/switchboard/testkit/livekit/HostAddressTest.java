package dev.switchboard.testkit.livekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HOST address is the default route's interface address, as {@code ip route} names it. */
class HostAddressTest {

    @Test
    void theDefaultRoutesInterfaceIsAnnounced() throws Exception {
        Process ip = new ProcessBuilder("ip", "-4", "route", "show", "default").redirectErrorStream(true).start();
        String route = new String(ip.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        ip.waitFor();
        assumeTrue(route.contains(" dev "), "this machine has no IPv4 default route (ip route: '" + route + "')");
        String dev = route.split(" dev ")[1].split("\\s+")[0];
        System.out.println("default route: " + route + "; HOST address " + HostAddress.detect());

        assertThat(HostAddress.defaultRouteInterface()).contains(dev);
        List<String> addresses = Collections.list(NetworkInterface.getByName(dev).getInetAddresses()).stream()
                .filter(a -> a instanceof Inet4Address).map(InetAddress::getHostAddress).toList();
        assertThat(addresses).contains(HostAddress.detect());
    }
}
