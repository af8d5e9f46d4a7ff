package dev.switchboard.bench.rtc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.spi.Secret;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The reference: {@code participants.py} (a resource of this module) run by the venv that
 * {@code scripts/setup.d/40-python-livekit.sh} creates, with the official LiveKit Python SDK. All its
 * participants live in that one process, so its CPU and RSS are theirs. Tokens travel in the
 * environment, never argv. Not thread-safe; {@link #close()} kills the process.
 */
final class PythonCrowd implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final Writer stdin;
    private final Path stderr;
    private final LinkedBlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

    private PythonCrowd(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().name("python-crowd-stdout").start(() -> read(process.getInputStream()));
    }

    /** The venv's interpreter, or empty (with the reason printed by the caller) when setup has not run. */
    static Optional<Path> python() {
        String cache = System.getenv().getOrDefault("SWITCHBOARD_CACHE",
                System.getProperty("user.home") + "/.cache/switchboard");
        Path python = Path.of(cache, "pyenv", "bin", "python");
        return Files.isExecutable(python) ? Optional.of(python) : Optional.empty();
    }

    /** Starts the script in {@code mode} (crowd or join) and waits for its baseline line. */
    static PythonCrowd start(Path python, URI url, String mode, List<Secret> tokens)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("participants", ".py");
        try (InputStream in = PythonCrowd.class.getResourceAsStream("participants.py")) {
            Files.write(script, in.readAllBytes());
        }
        Path err = Files.createTempFile("participants", ".stderr");
        ProcessBuilder builder = new ProcessBuilder(python.toString(), script.toString(), "--url", url.toString(),
                "--mode", mode).redirectError(err.toFile());
        builder.environment().put("LIVEKIT_TOKENS",
                tokens.stream().map(Secret::reveal).collect(Collectors.joining(" ")));
        PythonCrowd crowd = new PythonCrowd(builder.start(), err);
        script.toFile().deleteOnExit();
        crowd.await("baseline", 60);
        return crowd;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Sends one command line (go, mark, stop). */
    void send(String line) throws IOException {
        stdin.write(line + "\n");
        stdin.flush();
    }

    /** The next event named {@code kind} (others are dropped); fails with the script's stderr on timeout. */
    JsonNode await(String kind, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            JsonNode e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (e != null && e.path("event").asText().equals(kind)) {
                return e;
            }
            if (e != null && e.path("event").asText().equals("error")) {
                break;
            }
        }
        throw new IllegalStateException("python participants: no '" + kind + "' within " + seconds + " s (alive: "
                + process.isAlive() + "); stderr tail:\n" + stderrTail());
    }

    private void read(InputStream out) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                try {
                    events.add(JSON.readTree(line));
                } catch (IOException notJson) {
                    System.out.println("python participants: " + line);
                }
            }
        } catch (IOException closed) {
            // the process ended or was killed
        }
    }

    private String stderrTail() {
        try {
            String s = Files.readString(stderr);
            return s.length() > 3_000 ? s.substring(s.length() - 3_000) : s;
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Asks the script to stop, waits up to 10 s, then kills it. */
    @Override
    public void close() throws IOException {
        try {
            send("stop");
        } catch (IOException gone) {
            // already exited
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(stderr);
    }
}
