package dev.switchboard.bench.voice;

import java.util.List;
import java.util.Locale;

/**
 * What one load level measured for one implementation. Immutable.
 *
 * @param who "java" or "python"
 * @param vad the VAD the agents ran
 * @param sessions rooms (agent + simulated user each)
 * @param frames agent frames in the window; {@code late} of them left more than 5 ms after their slot
 * @param late late frames
 * @param worstMillis the worst lateness
 * @param cpuPerSession the agents' CPU per session, % of one core (Java: the JVM, users included)
 * @param usersCpuPerSession the simulated users' JVM CPU per session when the agents run elsewhere (Python
 *                           levels), else NaN
 * @param rssPerSession resident memory per session, MB (Java: JVM growth incl. users; Python: whole processes)
 * @param echoes echoes the users heard in the window, of {@code utterances} they finished
 * @param overlapping utterances after which agent audio came sooner than the VAD's minimum silence: a previous
 *                    echo still playing (an agent falling behind), not counted in {@code echoes}
 * @param utterances utterances the users spoke in the window
 * @param latencies user stopped → first echo audio at the user, ms, each echo
 * @param loadBefore load average when the window started
 * @param loadAfter load average when it ended
 */
record EchoFigures(String who, String vad, int sessions, long frames, long late, double worstMillis,
                   double cpuPerSession, double usersCpuPerSession, double rssPerSession, int echoes, int overlapping,
                   int utterances, List<Double> latencies, double loadBefore, double loadAfter) {

    double missPercent() {
        return frames == 0 ? Double.NaN : 100.0 * late / frames;
    }

    double latencyP50() {
        return VoiceRooms.percentile(latencies, 50);
    }

    double latencyP95() {
        return VoiceRooms.percentile(latencies, 95);
    }

    String line() {
        return String.format(Locale.ROOT, "%-6s %-6s sessions %4d  deadline misses %6.3f %%"
                        + " (%d of %d, worst %5.1f ms)  CPU %5.2f %% of a core/session%s"
                        + "  RSS %5.1f MB/session  echoes %d/%d%s  echo latency p50 %.0f"
                        + " ms p95 %.0f ms  load average %.1f -> %.1f",
                vad, who, sessions, missPercent(), late, frames, worstMillis, cpuPerSession,
                Double.isNaN(usersCpuPerSession) ? (who.equals("java") ? " (incl. user)" : "")
                        : String.format(Locale.ROOT, " (+ Java users %.2f %%)", usersCpuPerSession),
                rssPerSession, echoes, utterances,
                overlapping == 0 ? "" : " (" + overlapping + " overlapped a previous echo)", latencyP50(), latencyP95(),
                loadBefore, loadAfter);
    }

    /** Java against Python at the same level: Java's agent CPU is its JVM minus the users-only JVM. */
    static String ratios(EchoFigures java, EchoFigures python) {
        double javaAgents = java.cpuPerSession - python.usersCpuPerSession;
        return String.format(Locale.ROOT, "%-6s java/python sessions %4d  misses %.3f %% vs %.3f %%  CPU %.2f %%"
                        + " (agent: JVM %.2f minus users %.2f) vs %.2f %% = %.2fx  RSS %.1f vs %.1f MB = %.2fx"
                        + "  echo p50 %.0f vs"
                        + " %.0f ms = %.2fx  echoes %d/%d vs %d/%d",
                java.vad, java.sessions, java.missPercent(), python.missPercent(), javaAgents, java.cpuPerSession,
                python.usersCpuPerSession, python.cpuPerSession, javaAgents / python.cpuPerSession,
                java.rssPerSession, python.rssPerSession, java.rssPerSession / python.rssPerSession,
                java.latencyP50(), python.latencyP50(), java.latencyP50() / python.latencyP50(),
                java.echoes, java.utterances, python.echoes, python.utterances);
    }
}
