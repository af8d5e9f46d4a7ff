package dev.switchboard.bench;

import java.util.Map;

/** The target each benchmark is measured against (from the issues); "report" when only the figure is asked. */
final class Targets {

    private static final Map<String, String> TARGETS = Map.ofEntries(
            Map.entry("RouterBench.route", "<= 5 us per request on 1,000 rules"),
            Map.entry("ExecuteBench.execute", "p99 <= 50 us with fsync=false; fsync=true: report (the fsync cost)"),
            Map.entry("WorkflowBench.rollbackFiveSteps", "report: 5 no-op steps, all rolled back"),
            Map.entry("WorkflowBench.completeFiveSteps", "report: 5 no-op steps"),
            Map.entry("TokenMintBench.ratio", "report (reference: the Kotlin SDK's AccessToken)"),
            Map.entry("RoomCreateBench.ratio", "<= 1.1x a direct RoomServiceClient call"),
            Map.entry("VadBench.sileroWindow", "report: Silero v5 per 32 ms window (real time = 32,000,000 ns)"),
            Map.entry("VadBench.webrtcWindow", "report: WebRTC VAD per 30 ms window"));

    private Targets() {
    }

    static String of(String benchmark) {
        return TARGETS.getOrDefault(benchmark, "report");
    }
}
