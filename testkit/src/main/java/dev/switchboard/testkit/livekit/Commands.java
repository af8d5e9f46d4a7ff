package dev.switchboard.testkit.livekit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short system commands ({@code ip ...}) and returns their output. Thread-safe. */
final class Commands {

    private Commands() {
    }

    /** The outcome of one command. */
    record Outcome(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /** Runs {@code command}, waiting up to 15 s; never throws for a non-zero exit. */
    static Outcome run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Outcome(-1, "timed out: " + out);
            }
            return new Outcome(p.exitValue(), out);
        } catch (IOException e) {
            return new Outcome(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-1, "interrupted");
        }
    }

    /**
     * Runs {@code command} and fails when it exits non-zero.
     *
     * @throws LiveKitUnavailableException with the command and its output
     */
    static String require(List<String> command) {
        Outcome o = run(command);
        if (!o.ok()) {
            throw new LiveKitUnavailableException(
                    "'" + String.join(" ", command) + "' failed (exit " + o.exitCode() + "): " + o.output());
        }
        return o.output();
    }
}
