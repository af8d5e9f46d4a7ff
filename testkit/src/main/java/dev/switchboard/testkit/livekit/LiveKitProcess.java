package dev.switchboard.testkit.livekit;

import dev.switchboard.spi.Secret;
import dev.switchboard.spi.SwitchboardException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link LiveKitServer} implementation: one livekit-server process and what it owns. Thread-safe. */
final class LiveKitProcess implements LiveKitServer {

    private static final int NAMESPACE_HTTP_PORT = 7880;
    private static final int LOOPBACK_ATTEMPTS = 3;

    private final LiveKitServerOptions options;
    private final Optional<NetworkNamespace> namespace;
    private final String address;
    private final String hostAddress;
    private final ConfigYaml.Ports ports;
    private final List<URI> webhookUrls;
    private final Path workDir;
    private final Path configFile;
    private final Path logFile;
    private Process process;
    private boolean closed;

    private LiveKitProcess(LiveKitServerOptions options, Optional<NetworkNamespace> namespace, ConfigYaml.Ports ports,
            Path workDir) {
        this.options = options;
        this.namespace = namespace;
        this.address = namespace.map(NetworkNamespace::namespaceAddress)
                .orElse(options.network() == LiveKitNetwork.HOST ? HostAddress.detect() : "127.0.0.1");
        this.hostAddress = namespace.map(NetworkNamespace::hostAddress).orElse("127.0.0.1");
        this.ports = ports;
        this.webhookUrls = options.webhookUrls().stream().map(u -> URI.create(u.replace("{host}", hostAddress)))
                .toList();
        this.workDir = workDir;
        this.configFile = workDir.resolve("livekit.yaml");
        this.logFile = workDir.resolve("livekit-server.log");
    }

    /** Starts a server as {@code options} say; see {@link LiveKitServerBuilder#start()}. */
    static LiveKitServer start(LiveKitServerOptions options) {
        if (options.network() == LiveKitNetwork.NAMESPACE) {
            NetworkNamespace ns = NetworkNamespace.create();
            ConfigYaml.Ports fixed = new ConfigYaml.Ports(NAMESPACE_HTTP_PORT, NAMESPACE_HTTP_PORT + 1,
                    NAMESPACE_HTTP_PORT + 2);
            try {
                return launch(options, Optional.of(ns), fixed);
            } catch (RuntimeException e) {
                ns.close();
                throw e;
            }
        }
        if (options.fixedHttpPort() != 0) {
            int http = options.fixedHttpPort();
            try {
                return launch(options, Optional.empty(), new ConfigYaml.Ports(http, http + 1, http + 2));
            } catch (PortTakenException e) {
                throw new LiveKitUnavailableException("livekit-server could not bind its fixed ports " + http + "-"
                        + (http + 2) + " on 127.0.0.1 (another server running?): " + e.getMessage());
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return launch(options, Optional.empty(), FreePorts.pick());
            } catch (PortTakenException e) {
                if (attempt == LOOPBACK_ATTEMPTS) {
                    throw new LiveKitUnavailableException("livekit-server could not bind free ports in "
                            + LOOPBACK_ATTEMPTS + " attempts: " + e.getMessage());
                }
            }
        }
    }

    private static LiveKitProcess launch(LiveKitServerOptions options, Optional<NetworkNamespace> ns,
            ConfigYaml.Ports ports) {
        Path dir = createWorkDir();
        LiveKitProcess server = new LiveKitProcess(options, ns, ports, dir);
        try {
            server.writeConfig();
            server.spawnAndAwait();
        } catch (RuntimeException e) {
            server.stopProcess();
            deleteWorkDir(dir);
            throw e;
        }
        ShutdownHook.register(server);
        return server;
    }

    private void writeConfig() {
        List<String> urls = webhookUrls.stream().map(URI::toString).toList();
        List<String> bind = address.equals(hostAddress) ? List.of(address) : List.of(address, hostAddress);
        String yaml = ConfigYaml.render(options, namespace.isPresent() ? List.of(address) : bind, ports, urls);
        try {
            Files.createFile(configFile,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(configFile, yaml);
        } catch (IOException e) {
            throw new LiveKitUnavailableException("cannot write the livekit-server config in " + workDir, e);
        }
    }

    private synchronized void spawnAndAwait() {
        List<String> command = new ArrayList<>(List.of(options.binary().toString(), "--config", configFile.toString(),
                "--node-ip", address));
        if (namespace.isPresent()) {
            command = namespace.get().exec(command);
        }
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new LiveKitUnavailableException("cannot run " + options.binary() + ": " + e.getMessage(), e);
        }
        Readiness.await(this, process, options.startTimeout());
    }

    @Override
    public LiveKitNetwork network() {
        return options.network();
    }

    @Override
    public URI httpUrl() {
        return URI.create("http://" + address + ":" + ports.http());
    }

    @Override
    public URI wsUrl() {
        return URI.create("ws://" + address + ":" + ports.http());
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public String hostAddress() {
        return hostAddress;
    }

    @Override
    public int httpPort() {
        return ports.http();
    }

    @Override
    public int rtcTcpPort() {
        return ports.rtcTcp();
    }

    @Override
    public int rtcUdpPort() {
        return ports.rtcUdp();
    }

    @Override
    public String apiKey() {
        return options.apiKey();
    }

    @Override
    public Secret apiSecret() {
        return options.keys().get(options.apiKey());
    }

    @Override
    public Map<String, Secret> keys() {
        return options.keys();
    }

    @Override
    public List<URI> webhookUrls() {
        return webhookUrls;
    }

    @Override
    public Optional<String> namespace() {
        return namespace.map(NetworkNamespace::name);
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    @Override
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            awaitExit(process, 5);
        }
    }

    @Override
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("restart() after close(): start a new server instead");
        }
        stopProcess();
        try {
            spawnAndAwait();
        } catch (PortTakenException e) {
            throw new LiveKitUnavailableException("livekit-server could not restart: " + e.getMessage());
        }
    }

    @Override
    public void cutNetwork() {
        namespace.orElseThrow(() -> new IllegalStateException("cutNetwork() needs a NAMESPACE server; this one runs"
                + " on loopback")).setLink(false);
    }

    @Override
    public void restoreNetwork() {
        namespace.ifPresent(ns -> ns.setLink(true));
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stopProcess();
        }
        namespace.ifPresent(NetworkNamespace::close);
        deleteWorkDir(workDir);
        ShutdownHook.unregister(this);
    }

    @Override
    public String toString() {
        return "LiveKitServer[" + options.network() + ", " + httpUrl() + ", key=" + options.apiKey() + "]";
    }

    /** The last lines of the server log, for error messages. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    synchronized void stopProcess() {
        if (process == null || !process.isAlive()) {
            return;
        }
        // SIGTERM drains: livekit-server waits while participants are connected, so force after a grace period
        process.destroy();
        if (!awaitExit(process, 3)) {
            process.destroyForcibly();
            awaitExit(process, 5);
        }
    }

    private static boolean awaitExit(Process p, int seconds) {
        try {
            return p.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("switchboard-livekit-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new LiveKitUnavailableException("cannot create a temporary directory: " + e.getMessage(), e);
        }
    }

    private static void deleteWorkDir(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // the temp dir is private (0700); a leftover is harmless
        }
    }

    /** livekit-server exited because a port was taken between picking and binding. */
    static final class PortTakenException extends SwitchboardException {
        PortTakenException(String message) {
            super(message);
        }

        @Override
        public String code() {
            return "livekit_port_taken";
        }
    }
}
