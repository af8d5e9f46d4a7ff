package dev.switchboard.bench.voice;

import dev.switchboard.media.rtc.LocalAudioTrack;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcClient;
import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.media.voice.session.AgentSession;
import dev.switchboard.media.voice.session.AgentState;
import dev.switchboard.media.voice.session.SessionListener;
import dev.switchboard.media.voice.session.SessionOptions;
import dev.switchboard.media.voice.session.TurnMetrics;
import dev.switchboard.testkit.livekit.LiveKitNetwork;
import dev.switchboard.testkit.livekit.LiveKitServer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Framework-added latency per turn with instant local providers, end to end in a real room: a user
 * participant speaks (a 600 ms tone), the agent (energy VAD → instant STT → instant LLM → instant TTS)
 * answers; per turn the session reports end-to-end minus end-of-utterance minus provider time.
 * Targets: p50 ≤ 10 ms, p95 ≤ 20 ms. Usage: {@code VoiceLatencyBench [turns]} (default 30).
 */
public final class VoiceLatencyBench {

    private VoiceLatencyBench() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        int turns = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        List<TurnMetrics> metrics = new CopyOnWriteArrayList<>();
        try (LiveKitServer server = LiveKitServer.builder().network(LiveKitNetwork.NAMESPACE).logLevel("warn").start();
             RtcClient client = RtcClient.create();
             RoomSession agentRoom = VoiceRooms.join(client, server, "agent", "latency");
             RoomSession userRoom = VoiceRooms.join(client, server, "user", "latency")) {
            SessionOptions options = SessionOptions.builder(BenchAudio.energyVad()).stt(InstantProviders.stt())
                    .llm(InstantProviders.llm()).tts(InstantProviders.tts()).build();
            LocalAudioTrack mic = userRoom.publishAudio("mic");
            try (AgentSession session = AgentSession.start(agentRoom, Agent.builder("bench").build(), options)) {
                session.addListener(new SessionListener() {
                    @Override
                    public void onTurnMetrics(TurnMetrics m) {
                        metrics.add(m);
                    }
                });
                Thread.sleep(1_000);
                short[] speech = BenchAudio.tone(300, 48_000, 600);
                for (int i = 0; i < turns; i++) {
                    int before = metrics.size();
                    mic.write(speech);
                    long deadline = System.nanoTime() + 10_000_000_000L;
                    while ((metrics.size() == before || session.state() != AgentState.LISTENING)
                            && System.nanoTime() < deadline) {
                        Thread.sleep(10);
                    }
                    Thread.sleep(300);
                }
            }
        }
        List<Double> added = metrics.stream().map(m -> m.frameworkAdded().toNanos() / 1e6).toList();
        List<Double> e2e = metrics.stream().map(m -> m.endToEnd().toNanos() / 1e6).toList();
        List<Double> eou = metrics.stream().map(m -> m.endOfUtterance().toNanos() / 1e6).toList();
        System.out.println("== voice: framework-added latency per turn (instant providers, real room) ==");
        System.out.printf(Locale.ROOT, "turns measured              %d of %d%n", metrics.size(), turns);
        System.out.printf(Locale.ROOT, "framework added             p50 %.1f ms  p95 %.1f ms  max %.1f ms"
                + "   target: p50 <= 10 ms, p95 <= 20 ms%n", VoiceRooms.percentile(added, 50),
                VoiceRooms.percentile(added, 95), VoiceRooms.percentile(added, 100));
        System.out.printf(Locale.ROOT, "end-to-end (user stop -> first frame out)  p50 %.1f ms  p95 %.1f ms%n",
                VoiceRooms.percentile(e2e, 50), VoiceRooms.percentile(e2e, 95));
        System.out.printf(Locale.ROOT, "end of utterance (VAD silence + 0.5 s min delay)  p50 %.1f ms%n",
                VoiceRooms.percentile(eou, 50));
    }
}
