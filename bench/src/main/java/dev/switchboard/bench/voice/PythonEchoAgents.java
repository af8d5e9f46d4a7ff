package dev.switchboard.bench.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Python reference for one load level: one {@code bench/python/echo_agent.py} process per room
 * (LiveKit Agents runs each job in its own process), connected straight to its room with a token in
 * its environment. Reads their window figures from stdout and their CPU time and RSS from
 * {@code /proc}. Not thread-safe (the bench's main thread drives it).
 */
final class PythonEchoAgents implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CLOCK_TICKS = 100;
    private final List<Agent> agents = new ArrayList<>();
    private int ready;

    private record Agent(Process process, BufferedReader out, Writer in) {
    }

    /** Starts one agent process for {@code wsUrl} with {@code token} (see {@link #awaitReady}). */
    void launch(Path python, Path script, String wsUrl, String token) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(python.toString(), script.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("LK_URL", wsUrl);
        pb.environment().put("LK_TOKEN", token);
        Process p = pb.start();
        agents.add(new Agent(p, new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)),
                new java.io.OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)));
    }

    /** Waits until every launched process said "ready" (connected, subscribed, publishing). */
    void awaitReady(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = ready; i < agents.size(); i++) {
            Agent agent = agents.get(i);
            while (true) {
                if (agent.out.ready()) {
                    String line = agent.out.readLine();
                    if ("ready".equals(line)) {
                        break;
                    }
                    if (line == null) {
                        throw notReady(i, agent.process, timeout);
                    }
                } else if (!agent.process.isAlive() || System.nanoTime() > deadline) {
                    throw notReady(i, agent.process, timeout);
                } else {
                    sleep(20);
                }
            }
        }
        ready = agents.size();
    }

    private static IllegalStateException notReady(int i, Process p, Duration timeout) {
        return new IllegalStateException("python echo agent " + (i + 1) + " not ready within " + timeout
                + (p.isAlive() ? "" : " (exited " + p.exitValue() + ")"));
    }

    void command(String word) throws IOException {
        for (Agent a : agents) {
            a.in.write(word + "\n");
            a.in.flush();
        }
    }

    /** After "stop": every process's {frames, late, worst_ms, turns}. */
    List<JsonNode> figures() throws IOException {
        List<JsonNode> all = new ArrayList<>();
        for (Agent a : agents) {
            all.add(JSON.readTree(a.out.readLine()));
        }
        return all;
    }

    /** Total CPU seconds (user + system) the processes have used so far. */
    double cpuSeconds() {
        double total = 0;
        for (Agent a : agents) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(a.process.pid()), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                total += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) CLOCK_TICKS;
            } catch (IOException | RuntimeException e) {
                return Double.NaN;
            }
        }
        return total;
    }

    /** Summed resident set of the processes, MB. */
    double rssMb() {
        double total = 0;
        for (Agent a : agents) {
            total += VoiceRooms.rssMb(Path.of("/proc", Long.toString(a.process.pid()), "status"));
        }
        return total;
    }

    int size() {
        return agents.size();
    }

    @Override
    public void close() {
        for (Agent a : agents) {
            try {
                a.in.close();
            } catch (IOException e) {
                // already gone
            }
        }
        for (Agent a : agents) {
            try {
                if (!a.process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    a.process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                a.process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        agents.clear();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
