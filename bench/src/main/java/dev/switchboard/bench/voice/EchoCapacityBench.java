package dev.switchboard.bench.voice;

import dev.switchboard.media.rtc.LocalAudioTrack;
import dev.switchboard.media.rtc.PacerStats;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcClient;
import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.media.voice.session.AgentSession;
import dev.switchboard.media.voice.session.SessionListener;
import dev.switchboard.media.voice.session.SessionOptions;
import dev.switchboard.media.voice.session.TurnMetrics;
import dev.switchboard.testkit.livekit.LiveKitNetwork;
import dev.switchboard.testkit.livekit.LiveKitServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Echo-agent sessions one machine holds: for each load level, N rooms each with an echo agent (energy
 * VAD, audio in and out) and a simulated user speaking 1 s every 3 s, run for a bounded window; prints
 * the agents' outgoing-frame deadline-miss rate (frames leaving > 5 ms after their 10 ms slot), the
 * echo turns served and resident memory per session. The users run in the same process, so CPU and
 * memory figures are upper bounds for the agents alone. Usage: {@code EchoCapacityBench [levels]
 * [seconds]} (default {@code 10,25,50,100} and 15).
 */
public final class EchoCapacityBench {

    private EchoCapacityBench() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        String levels = args.length > 0 ? args[0] : "10,25,50,100";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        System.out.println("== voice: echo sessions per machine (" + Runtime.getRuntime().availableProcessors()
                + " cores), " + seconds + " s per level ==");
        try (LiveKitServer server = LiveKitServer.builder().network(LiveKitNetwork.NAMESPACE).logLevel("warn").start();
             RtcClient client = RtcClient.create()) {
            for (String level : levels.split(",")) {
                int n = Integer.parseInt(level.strip());
                try {
                    run(client, server, n, seconds);
                } catch (RuntimeException e) {
                    System.out.printf(Locale.ROOT, "sessions %4d  could not be set up: %s (load average %.1f)%n", n,
                            e.getMessage(), loadAverage());
                    return;
                }
            }
        }
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void run(RtcClient client, LiveKitServer server, int n, int seconds) throws Exception {
        System.gc();
        double rssBefore = VoiceRooms.rssMb();
        List<RoomSession> rooms = new ArrayList<>();
        List<AgentSession> sessions = new ArrayList<>();
        List<LocalAudioTrack> mics = new ArrayList<>();
        AtomicInteger turns = new AtomicInteger();
        SessionOptions options = SessionOptions.builder(BenchAudio.energyVad()).build();
        try {
            for (int i = 0; i < n; i++) {
                String room = "echo-" + n + "-" + i;
                RoomSession agentRoom = VoiceRooms.join(client, server, "agent", room);
                RoomSession userRoom = VoiceRooms.join(client, server, "user", room);
                rooms.add(agentRoom);
                rooms.add(userRoom);
                AgentSession session = AgentSession.start(agentRoom, Agent.echo(""), options);
                session.addListener(new SessionListener() {
                    @Override
                    public void onTurnMetrics(TurnMetrics m) {
                        turns.incrementAndGet();
                    }
                });
                sessions.add(session);
                mics.add(userRoom.publishAudio("mic"));
            }
            double rssAfter = VoiceRooms.rssMb();
            List<PacerStats> start = sessions.stream().map(AgentSession::audioStats).toList();
            short[] talk = BenchAudio.tone(300, 48_000, 1_000);
            short[] pause = new short[48 * 2_000];
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<Thread> users = new ArrayList<>();
            for (LocalAudioTrack mic : mics) {
                users.add(Thread.ofVirtual().start(() -> {
                    while (System.nanoTime() < end) {
                        mic.write(talk);
                        mic.write(pause);
                    }
                }));
            }
            for (Thread t : users) {
                t.join();
            }
            long sent = 0;
            long late = 0;
            long worst = 0;
            for (int i = 0; i < n; i++) {
                PacerStats now = sessions.get(i).audioStats();
                sent += now.framesSent() - start.get(i).framesSent();
                late += now.lateFrames() - start.get(i).lateFrames();
                worst = Math.max(worst, now.maxLatenessNanos());
            }
            System.out.printf(Locale.ROOT, "sessions %4d  deadline misses %.3f %% (%d of %d frames, worst %.1f ms)"
                            + "  echo turns %d  RSS %.1f MB/session (incl. the simulated user)  load average %.1f"
                            + "   target: >= 100 sessions on time, <= 20 MB%n", n, sent == 0 ? 0 : 100.0 * late / sent,
                    late, sent, worst / 1e6, turns.get(), (rssAfter - rssBefore) / n, loadAverage());
        } finally {
            sessions.forEach(AgentSession::close);
            rooms.forEach(RoomSession::close);
        }
    }
}
