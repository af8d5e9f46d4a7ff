package dev.switchboard.testkit.livekit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A network namespace joined to the host by a veth pair on its own 10.x.y.0/30 subnet: host side
 * {@code .1} ({@code sbh<n>}), namespace side {@code .2} ({@code sbn<n>}), namespace {@code sbns<n>}.
 * {@code ip netns add} fails when the name exists, which makes the claim atomic across JVMs. An owner
 * file under {@value #OWNERS} records the JVM's pid so namespaces left by a killed JVM are removed the
 * next time one is created. Requires root. Thread-safe; {@link #close()} is idempotent.
 */
final class NetworkNamespace implements AutoCloseable {

    static final String OWNERS = "/run/switchboard/netns";
    /** Subnets 10.240.0.0 - 10.247.255.252, 64 blocks of /30 per 10.x.y.0/24. */
    private static final int BLOCKS = 8 * 256 * 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int index;
    private volatile boolean closed;

    private NetworkNamespace(int index) {
        this.index = index;
    }

    /**
     * Creates a namespace with a veth pair and both ends up.
     *
     * @throws LiveKitUnavailableException when not root, {@code ip} is missing or a step fails
     */
    static NetworkNamespace create() {
        requireRoot();
        sweepOrphans();
        String used = Commands.run(List.of("ip", "-o", "-4", "addr", "show")).output();
        for (int attempt = 0; attempt < 20; attempt++) {
            NetworkNamespace ns = new NetworkNamespace(RANDOM.nextInt(BLOCKS));
            if (used.contains(" " + ns.prefix())) {
                continue;
            }
            if (Commands.run(List.of("ip", "netns", "add", ns.name())).ok()) {
                ns.writeOwner();
                try {
                    ns.wire();
                } catch (LiveKitUnavailableException e) {
                    ns.close();
                    throw e;
                }
                return ns;
            }
        }
        throw new LiveKitUnavailableException("could not claim a free network namespace after 20 attempts");
    }

    String name() {
        return "sbns" + index;
    }

    String hostAddress() {
        return prefix() + (base() + 1);
    }

    String namespaceAddress() {
        return prefix() + (base() + 2);
    }

    /** Sets the host end of the veth pair down (no traffic between host and namespace) or up again. */
    void setLink(boolean up) {
        Commands.require(List.of("ip", "link", "set", "sbh" + index, up ? "up" : "down"));
    }

    /** {@code command} run inside the namespace. */
    List<String> exec(List<String> command) {
        List<String> out = new ArrayList<>(List.of("ip", "netns", "exec", name()));
        out.addAll(command);
        return out;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        remove(name(), "sbh" + index);
        try {
            Files.deleteIfExists(Path.of(OWNERS, name()));
        } catch (IOException e) {
            // a stale owner file is swept later; nothing else depends on it
        }
    }

    private void wire() {
        String host = "sbh" + index;
        String peer = "sbn" + index;
        Commands.require(List.of("ip", "link", "add", host, "type", "veth", "peer", "name", peer));
        Commands.require(List.of("ip", "link", "set", peer, "netns", name()));
        Commands.require(List.of("ip", "addr", "add", hostAddress() + "/30", "dev", host));
        Commands.require(List.of("ip", "link", "set", host, "up"));
        Commands.require(exec(List.of("ip", "addr", "add", namespaceAddress() + "/30", "dev", peer)));
        Commands.require(exec(List.of("ip", "link", "set", peer, "up")));
        Commands.require(exec(List.of("ip", "link", "set", "lo", "up")));
    }

    private String prefix() {
        return "10." + (240 + index / (256 * 64)) + "." + (index / 64) % 256 + ".";
    }

    private int base() {
        return (index % 64) * 4;
    }

    private void writeOwner() {
        try {
            Files.createDirectories(Path.of(OWNERS));
            Files.writeString(Path.of(OWNERS, name()), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new LiveKitUnavailableException("cannot write " + OWNERS + "/" + name() + ": " + e.getMessage(), e);
        }
    }

    /** Kills what runs in the namespace, deletes it and the host end of the veth pair. */
    private static void remove(String namespace, String hostLink) {
        String pids = Commands.run(List.of("ip", "netns", "pids", namespace)).output();
        for (String pid : pids.split("\\s+")) {
            if (pid.matches("\\d+")) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        Commands.run(List.of("ip", "link", "del", hostLink));
        Commands.run(List.of("ip", "netns", "del", namespace));
    }

    /** Removes namespaces whose owning JVM is gone. */
    private static void sweepOrphans() {
        Path dir = Path.of(OWNERS);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> owners = Files.list(dir)) {
            for (Path owner : owners.toList()) {
                String name = owner.getFileName().toString();
                String pid = Files.readString(owner, StandardCharsets.UTF_8).strip();
                boolean alive = pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid))
                        .map(ProcessHandle::isAlive).orElse(false);
                if (!alive && name.matches("sbns\\d+")) {
                    remove(name, "sbh" + name.substring(4));
                    Files.deleteIfExists(owner);
                }
            }
        } catch (IOException e) {
            // sweeping is best effort: a leftover namespace wastes a name, it does not break a run
        }
    }

    private static void requireRoot() {
        Object uid;
        try {
            uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            throw new LiveKitUnavailableException("cannot tell whether this process is root: " + e.getMessage(), e);
        }
        if (!Integer.valueOf(0).equals(uid)) {
            throw new LiveKitUnavailableException("LiveKitNetwork.NAMESPACE needs root (ip netns add, veth pairs); "
                    + "this JVM runs as uid " + uid + ". Run the tests as root, or use LiveKitNetwork.LOOPBACK "
                    + "for control-plane tests");
        }
        if (!Commands.run(List.of("ip", "-V")).ok()) {
            throw new LiveKitUnavailableException("LiveKitNetwork.NAMESPACE needs the 'ip' command (iproute2); "
                    + "install it with 'apt-get install iproute2'");
        }
    }
}
