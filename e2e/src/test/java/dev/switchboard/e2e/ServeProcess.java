package dev.switchboard.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code switchboard serve} in its own JVM, started the way the {@code ./switchboard} launcher starts
 * it: the coordinator on the class path, every specialist only as a plugin JAR in
 * {@code target/plugins} (loaded by PF4J, never also from the class path), a short command line (the
 * class path goes through an argument file) and {@code ORT_DISABLE_TELEMETRY=1}. The last two matter:
 * onnxruntime's telemetry reads {@code /proc/self/cmdline} when the Silero VAD's environment is created
 * and needs native stack in proportion to its length; with the test class path on the command line
 * (~6 KB) it overflowed the 1 MB stack and the JVM died of SIGSEGV before printing "ready".
 * Output (stdout and stderr) is collected line by line. Thread-safe.
 */
final class ServeProcess implements AutoCloseable {

    private final Process process;
    private final Path data;
    private final List<String> lines = new ArrayList<>();
    private boolean outputEnded; // guarded by lines

    private ServeProcess(Process process, Path data) {
        this.process = process;
        this.data = data;
        Thread.ofPlatform().daemon().name("serve-output").start(this::collect);
    }

    /** Starts serve with the HTTP API on {@code httpPort}; {@code env} adds to (or overrides) its environment. */
    static ServeProcess start(Path dir, int httpPort, int livekitPort, Map<String, String> env) throws IOException {
        Path data = dir.resolve("data");
        Path args = dir.resolve("serve.args");
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.endsWith("-plugin.jar") && !e.contains("switchboard-media-")
                        && !e.contains("/specialists/") && !e.contains("webrtc"))
                .collect(Collectors.joining(java.io.File.pathSeparator));
        Files.writeString(args, "-cp\n\"" + classPath.replace("\\", "\\\\") + "\"\n");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java")));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow"); // as the launcher does, for protobuf
        }
        command.addAll(List.of("@" + args, "dev.switchboard.coordinator.cli.Main", "serve",
                "--port", String.valueOf(httpPort), "--livekit-port", String.valueOf(livekitPort),
                "--data", data.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("LIVEKIT_URL");
        pb.environment().put("ORT_DISABLE_TELEMETRY", "1");
        pb.environment().put("SWITCHBOARD_WEB", PageDriver.WEB.toString());
        pb.environment().put("SWITCHBOARD_PLUGINS", Path.of("target", "plugins").toAbsolutePath().toString());
        pb.environment().putAll(env);
        return new ServeProcess(pb.start(), data);
    }

    /**
     * The first output line starting with {@code prefix}, waiting up to {@code timeout}; empty when
     * serve exited or the time ran out first.
     */
    Optional<String> awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                Optional<String> found = lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
                long left = end - System.nanoTime();
                if (found.isPresent() || left <= 0 || !process.isAlive() && outputEnded) {
                    return found;
                }
                lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** What serve printed so far, and its exit code when it has exited (139 is SIGSEGV). */
    String describe() {
        String exit = process.isAlive() ? "running" : "exited with " + process.exitValue();
        synchronized (lines) {
            return exit + "; output:\n" + String.join("\n", lines);
        }
    }

    /** Everything printed so far. */
    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** The credentials serve wrote to {@code DATA/dev.env}. */
    Map<String, String> devEnv() throws IOException {
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(devEnvFile())) {
            if (line.startsWith("export ")) {
                String kv = line.substring("export ".length());
                int eq = kv.indexOf('=');
                env.put(kv.substring(0, eq), kv.substring(eq + 2, kv.length() - 1));
            }
        }
        return env;
    }

    Path devEnvFile() {
        return data.resolve("dev.env");
    }

    /** Stops serve with SIGTERM (as Ctrl-C does); true when it exited within 30 s. */
    boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops serve (SIGTERM, then SIGKILL after 30 s). */
    @Override
    public void close() {
        try {
            if (!stop()) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void collect() {
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // serve ended and its pipe closed: nothing more to read
        } finally {
            synchronized (lines) {
                outputEnded = true;
                lines.notifyAll();
            }
        }
    }

    /** A free port {@code p} with {@code p+1} and {@code p+2} free too (livekit-server's RTC ports). */
    static int freePort() throws IOException {
        for (int i = 0; i < 50; i++) {
            try (ServerSocket s = new ServerSocket(0)) {
                int p = s.getLocalPort();
                if (p < 65000) {
                    try (ServerSocket a = new ServerSocket(p + 1); ServerSocket b = new ServerSocket(p + 2)) {
                        if (a.isBound() && b.isBound()) {
                            return p;
                        }
                    } catch (IOException taken) {
                        // try another
                    }
                }
            }
        }
        throw new IOException("no three consecutive free ports");
    }
}
