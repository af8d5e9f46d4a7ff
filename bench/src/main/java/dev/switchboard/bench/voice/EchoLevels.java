package dev.switchboard.bench.voice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.media.rtc.PacerStats;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcClient;
import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.media.voice.session.AgentSession;
import dev.switchboard.media.voice.session.SessionOptions;
import dev.switchboard.media.voice.session.TurnHandling;
import dev.switchboard.media.voice.vad.SileroVad;
import dev.switchboard.media.voice.vad.Vad;
import dev.switchboard.media.voice.vad.VadOptions;
import dev.switchboard.testkit.livekit.LiveKitServer;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one load level: joins sequentially (each join waits for its publisher negotiation), warms up
 * for {@link #WARMUP_SECONDS} (JIT, VAD state, jitter buffers), measures a window, tears down, and
 * waits for the process to go quiet before the next level. Not thread-safe.
 */
final class EchoLevels {

    static final int WARMUP_SECONDS = 6;
    private static final double QUIET_CORES = 0.2;
    /** Python processes started together (their imports take seconds of CPU each). */
    private static final int PYTHON_BATCH = 4;
    private final RtcClient client;
    private final LiveKitServer server;
    private final short[] phrase;
    private final int seconds;
    private double pythonMbPerSession = 250;

    EchoLevels(RtcClient client, LiveKitServer server, short[] phrase, int seconds) {
        this.client = client;
        this.server = server;
        this.phrase = phrase;
        this.seconds = seconds;
    }

    EchoFigures runJava(String vadName, int n) throws InterruptedException {
        settle();
        Vad vad = vadName.equals("silero") ? SileroVad.create() : BenchAudio.energyVad();
        SessionOptions options = SessionOptions.builder(vad).vadOptions(VadOptions.defaults())
                .turnHandling(TurnHandling.defaults().withEndpointing(new TurnHandling.Endpointing(
                        TurnHandling.EndpointingMode.FIXED, Duration.ZERO, Duration.ofSeconds(3))))
                .build();
        double rssBefore = VoiceRooms.rssMb();
        List<RoomSession> rooms = new ArrayList<>();
        List<AgentSession> sessions = new ArrayList<>();
        try (EchoUsers users = new EchoUsers(phrase)) {
            for (int i = 0; i < n; i++) {
                String room = "echo-java-" + vadName + "-" + n + "-" + i;
                RoomSession agentRoom = VoiceRooms.join(client, server, "agent", room);
                rooms.add(agentRoom);
                sessions.add(AgentSession.start(agentRoom, Agent.echo(""), options));
                RoomSession userRoom = VoiceRooms.join(client, server, "user", room);
                rooms.add(userRoom);
                users.add(userRoom);
            }
            users.start();
            Thread.sleep(WARMUP_SECONDS * 1000L);
            List<PacerStats> start = sessions.stream().map(AgentSession::audioStats).toList();
            double load0 = loadAverage();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            users.measure(true);
            Thread.sleep(seconds * 1000L);
            users.measure(false);
            double cpuCores = (processCpuNanos() - cpu0) / (double) (System.nanoTime() - t0);
            double rss = (VoiceRooms.rssMb() - rssBefore) / n;
            List<PacerStats> end = sessions.stream().map(AgentSession::audioStats).toList();
            Thread.sleep(EchoUsers.CYCLE_MILLIS);
            long sent = 0;
            long late = 0;
            long worst = 0;
            for (int i = 0; i < n; i++) {
                PacerStats now = end.get(i);
                sent += now.slots() - start.get(i).slots();
                late += now.missed() - start.get(i).missed();
                worst = Math.max(worst, now.maxLatenessNanos());
            }
            return new EchoFigures("java", vadName, n, sent, late, worst / 1e6, 100 * cpuCores / n, Double.NaN,
                    rss, users.echoesHeard(), users.overlapping(), users.utterances(),
                    users.echoLatenciesMillis(), load0, loadAverage());
        } finally {
            sessions.forEach(AgentSession::close);
            rooms.forEach(RoomSession::close);
            vad.close();
        }
    }

    EchoFigures runPython(Path python, Path script, int n) throws Exception {
        settle();
        List<RoomSession> rooms = new ArrayList<>();
        try (EchoUsers users = new EchoUsers(phrase); PythonEchoAgents agents = new PythonEchoAgents()) {
            for (int i = 0; i < n; i++) {
                String room = "echo-python-" + n + "-" + i;
                RoomSession userRoom = VoiceRooms.join(client, server, "user", room);
                rooms.add(userRoom);
                users.add(userRoom);
                agents.launch(python, script, server.wsUrl().toString(), VoiceRooms.token(server, "agent", room));
                if (agents.size() % PYTHON_BATCH == 0) {
                    agents.awaitReady(Duration.ofSeconds(120));
                }
            }
            agents.awaitReady(Duration.ofSeconds(120));
            users.start();
            Thread.sleep(WARMUP_SECONDS * 1000L);
            double load0 = loadAverage();
            long cpu0 = processCpuNanos();
            double py0 = agents.cpuSeconds();
            long t0 = System.nanoTime();
            agents.command("start");
            users.measure(true);
            Thread.sleep(seconds * 1000L);
            agents.command("stop");
            users.measure(false);
            double wall = (System.nanoTime() - t0) / 1e9;
            double usersCores = (processCpuNanos() - cpu0) / 1e9 / wall;
            double pyCores = (agents.cpuSeconds() - py0) / wall;
            double rss = agents.rssMb() / n;
            pythonMbPerSession = rss;
            Thread.sleep(EchoUsers.CYCLE_MILLIS);
            long frames = 0;
            long late = 0;
            double worst = 0;
            for (JsonNode f : agents.figures()) {
                frames += f.get("frames").asLong();
                late += f.get("late").asLong();
                worst = Math.max(worst, f.get("worst_ms").asDouble());
            }
            return new EchoFigures("python", "silero", n, frames, late, worst, 100 * pyCores / n, 100 * usersCores / n,
                    rss, users.echoesHeard(), users.overlapping(), users.utterances(), users.echoLatenciesMillis(),
                    load0, loadAverage());
        } finally {
            rooms.forEach(RoomSession::close);
        }
    }

    /** Why {@code n} Python processes would not fit in memory, if they would not. */
    Optional<String> pythonMemoryRefusal(int n) {
        double available = VoiceRooms.memAvailableMb();
        double needed = n * pythonMbPerSession;
        return needed > 0.6 * available
                ? Optional.of(String.format(java.util.Locale.ROOT,
                        "%d processes x %.0f MB would take %.0f MB, over 60 %%"
                        + " of the %.0f MB available", n, pythonMbPerSession, needed, available))
                : Optional.empty();
    }

    /** Waits (2..30 s) until this process uses under {@value #QUIET_CORES} cores (the last teardown is done). */
    private static void settle() throws InterruptedException {
        System.gc();
        Thread.sleep(2_000);
        for (int i = 0; i < 28; i++) {
            long cpu = processCpuNanos();
            Thread.sleep(1_000);
            if ((processCpuNanos() - cpu) / 1e9 < QUIET_CORES) {
                return;
            }
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
