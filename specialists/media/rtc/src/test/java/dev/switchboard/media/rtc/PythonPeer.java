package dev.switchboard.media.rtc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.spi.Secret;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Python interop peer ({@code src/test/python/peer.py}) run as a subprocess from the venv that
 * {@code scripts/setup.d/40-python-livekit.sh} creates. Its JSON stdout lines are collected as they
 * arrive; its stderr goes to a file shown on failure. The token travels in the environment, never argv.
 * Thread-safe for reading {@link #events()}; {@link #close()} kills the process.
 */
final class PythonPeer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final Path stderr;
    private final ConcurrentLinkedQueue<JsonNode> events = new ConcurrentLinkedQueue<>();

    private PythonPeer(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread.ofVirtual().name("python-peer-stdout").start(this::readEvents);
    }

    /** Where the setup step puts the venv's interpreter. */
    static Path expectedPython() {
        String cache = System.getenv().getOrDefault("SWITCHBOARD_CACHE",
                System.getProperty("user.home") + "/.cache/switchboard");
        return Path.of(cache, "pyenv", "bin", "python");
    }

    /** The venv's interpreter, or empty when the setup step has not run. */
    static Optional<Path> python() {
        Path python = expectedPython();
        return Files.isExecutable(python) ? Optional.of(python) : Optional.empty();
    }

    static PythonPeer start(Path python, URI url, Secret token, List<String> extraArgs) throws IOException {
        Path script = Path.of(System.getProperty("basedir", "."), "src", "test", "python", "peer.py");
        var command = new java.util.ArrayList<>(List.of(python.toString(), script.toString(), "--url", url.toString()));
        command.addAll(extraArgs);
        Path err = Files.createTempFile("python-peer", ".stderr");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
        builder.environment().put("LIVEKIT_TOKEN", token.reveal());
        return new PythonPeer(builder.start(), err);
    }

    private void readEvents() {
        try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                try {
                    events.add(JSON.readTree(line));
                } catch (IOException notJson) {
                    System.out.println("python peer: " + line);
                }
            }
        } catch (IOException closed) {
            // the process ended or was killed
        }
    }

    ConcurrentLinkedQueue<JsonNode> events() {
        return events;
    }

    List<JsonNode> events(String kind) {
        return events.stream().filter(e -> e.path("event").asText().equals(kind)).toList();
    }

    /** Waits (bounded) for the process to exit; returns its exit code or -1 if it did not. */
    int awaitExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    /** The process's stderr so far (last 4 000 characters), for failure messages. */
    String stderr() {
        try {
            String s = Files.readString(stderr);
            return s.length() > 4_000 ? s.substring(s.length() - 4_000) : s;
        } catch (IOException e) {
            return "(stderr unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(stderr);
    }
}
