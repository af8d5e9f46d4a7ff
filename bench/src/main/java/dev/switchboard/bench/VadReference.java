package dev.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.media.voice.vad.SileroVad;
import dev.switchboard.media.voice.vad.WebRtcVad;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;

/**
 * After {@link VadBench}: Silero per window in Java and in LiveKit Agents (Python, PyPI) timed
 * the same way in the same run, wall clock and thread CPU time (the CPU figure is the fair one on
 * a shared, loaded machine). Python runs {@code bench/python/silero_window.py} in a venv that
 * {@code bench/python/setup-vad-venv.sh} makes; when Python or PyPI is unavailable it says why.
 */
final class VadReference {

    private static final long SETUP_MINUTES = 16;
    private static final long RUN_MINUTES = 5;

    private VadReference() {
    }

    static List<String> of(Collection<RunResult> results, boolean quick) {
        boolean ran = results.stream().anyMatch(r -> r.getParams().getBenchmark().endsWith("VadBench.sileroWindow"));
        if (!ran) {
            return List.of();
        }
        int rounds = quick ? 3 : 7;
        int windows = quick ? 1000 : 3000;
        List<String> lines = new ArrayList<>();
        double[] java = VadCpuTimer.measure(SileroVad.create(), 512, rounds, windows);
        lines.add(line("java SileroVad (onnxruntime-java)", java[0], java[1], java));
        double[] webrtc = VadCpuTimer.measure(WebRtcVad.create(), 480, rounds, windows);
        lines.add(String.format(Locale.ROOT, "%-50s wall %8.1f us  cpu %8.1f us per 30 ms window",
                "java WebRtcVad (webrtc-java)", webrtc[0] / 1000, webrtc[1] / 1000));
        try {
            Path dir = benchDir().resolve("python");
            String python = run(List.of("bash", dir.resolve("setup-vad-venv.sh").toString()), SETUP_MINUTES).trim();
            String json = run(List.of(python, dir.resolve("silero_window.py").toString(),
                    String.valueOf(rounds), String.valueOf(windows)), RUN_MINUTES);
            JsonNode figures = new ObjectMapper().readTree(json.lines().reduce((a, b) -> b).orElse("{}"));
            JsonNode plugin = figures.path("plugin");
            lines.add(line("python livekit-plugins-silero OnnxModel (same model)",
                    plugin.path("wall_ns").asDouble(), plugin.path("cpu_ns").asDouble(), java));
            JsonNode nativeVad = figures.path("native");
            if (nativeVad.isObject()) {
                lines.add(line("python livekit-agents inference.VAD (native)",
                        nativeVad.path("wall_ns").asDouble(), nativeVad.path("cpu_ns").asDouble(), java));
            } else {
                lines.add("python livekit-agents inference.VAD (native): " + figures.path("native_error").asText());
            }
            lines.add("  python reference model sha256 " + figures.path("model_sha256").asText());
        } catch (IOException | RuntimeException e) {
            lines.add("python Silero reference not measured: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lines.add("python Silero reference interrupted");
        }
        return lines;
    }

    /** bench/ of this checkout: the shaded JAR lives in bench/target/. */
    private static Path benchDir() {
        try {
            Path jar = Path.of(VadReference.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path bench = jar.getParent().getParent();
            return Files.isDirectory(bench.resolve("python")) ? bench : Path.of("bench");
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Path.of("bench");
        }
    }

    private static String line(String what, double wallNs, double cpuNs, double[] java) {
        return String.format(Locale.ROOT,
                "%-50s wall %8.1f us  cpu %8.1f us per window;  java/this: wall %.2fx cpu %.2fx",
                what, wallNs / 1000, cpuNs / 1000, java[0] / wallNs, java[1] / cpuNs);
    }

    private static String run(List<String> command, long minutes) throws IOException, InterruptedException {
        Path err = Files.createTempFile("sb-bench-py", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(command.get(0) + " took longer than " + minutes + " min");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": "
                        + Files.readString(err).strip());
            }
            return out;
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
