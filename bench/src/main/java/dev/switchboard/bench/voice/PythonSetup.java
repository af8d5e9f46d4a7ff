package dev.switchboard.bench.voice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Finds (or makes, with {@code bench/python/setup-vad-venv.sh}) the LiveKit Agents venv. */
final class PythonSetup {

    private PythonSetup() {
    }

    /**
     * The venv's python, after the setup script made sure livekit-agents and its Silero plugin are there.
     *
     * @throws IllegalStateException saying why there is no Python reference
     */
    static Path venvPython() {
        Path script = Path.of("bench/python/setup-vad-venv.sh");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException(script.toAbsolutePath() + " missing (run from the repository root)");
        }
        try {
            Process p = new ProcessBuilder("bash", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(16, TimeUnit.MINUTES) || p.exitValue() != 0 || out.isEmpty()) {
                throw new IllegalStateException("no Python reference: " + script + " failed (python3 or PyPI missing?)"
                        + " exit " + (p.isAlive() ? "timeout" : p.exitValue()));
            }
            String[] lines = out.split("\n");
            return Path.of(lines[lines.length - 1]);
        } catch (IOException e) {
            throw new IllegalStateException("no Python reference: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
