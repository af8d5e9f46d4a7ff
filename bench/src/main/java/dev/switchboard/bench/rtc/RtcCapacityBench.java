package dev.switchboard.bench.rtc;

import dev.switchboard.bench.EndToEnd;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Capacity of one JVM: Java participants in pairs (each publishes a tone and hears the other) are added
 * level by level (2, 6, 10, 20, 40, ...); at each level, after a settling pause, the pacers' deadline
 * misses (frames leaving more than 5 ms after their 10 ms slot) are counted over a window. Stops when
 * the miss rate exceeds 1 % and also exceeds the bare timer's by a point (on a loaded machine the timer
 * alone can miss more than 1 %), at the cap, or when the time bound is spent. Reports every level, the
 * largest N with every frame on time (at most 0.1 % late) and the largest N within 0.1 point of the
 * bare timer. The reference, in the same windows: a bare
 * 10 ms timer thread ({@link TimerNoise}), whose late wakes are the machine's share (livekit-server and
 * any other process share the cores). Not thread-safe.
 */
final class RtcCapacityBench implements EndToEnd {

    private static final double ON_TIME = 0.001;
    private static final double OVERLOADED = 0.01;

    @Override
    public String name() {
        return "RtcCapacity";
    }

    @Override
    public List<String> run(boolean quick) throws Exception {
        int[] levels = quick ? new int[] {2, 10, 20} : new int[] {2, 6, 10, 20, 40, 60, 80, 100};
        int window = quick ? 4 : 8;
        long deadline = System.nanoTime() + (quick ? 60L : 170L) * 1_000_000_000L;
        List<String> lines = new ArrayList<>();
        int largestOnTime = 0;
        int largestAtReference = 0;
        String stop = "cap " + levels[levels.length - 1] + " reached";
        try (RtcLab lab = RtcLab.start(); JavaCrowd crowd = new JavaCrowd(lab, "capacity");
             TimerNoise noise = new TimerNoise()) {
            for (int n : levels) {
                if (System.nanoTime() > deadline) {
                    stop = "time bound reached before N=" + n;
                    break;
                }
                try {
                    crowd.addPairs((n - crowd.size()) / 2);
                } catch (Exception e) {
                    stop = "joining failed on the way to N=" + n + ": " + e;
                    break;
                }
                Thread.sleep(2_000);
                CrowdTotals t0 = crowd.totals();
                long[] n0 = noise.counts();
                ProcessFootprint p0 = ProcessFootprint.self();
                Thread.sleep(window * 1000L);
                ProcessFootprint p1 = ProcessFootprint.self();
                long[] n1 = noise.counts();
                CrowdTotals t1 = crowd.totals();
                double seconds = (p1.wallNanos() - p0.wallNanos()) / 1e9;
                double miss = t1.missRateSince(t0);
                double cores = p1.coresSince(p0);
                String line = String.format(Locale.ROOT, "RtcCapacity N=%3d: late frames %.3f%% (bare timer thread"
                                + " %.3f%%; worst pacer lateness %.1f ms), CPU %.2f cores (%.2f%% per participant),"
                                + " RSS %.0f MiB, audible audio received %.1f%% of real time, load average %s",
                        n, 100 * miss, 100 * TimerNoise.lateRate(n0, n1), t1.maxLatenessNanos() / 1e6, cores,
                        100 * cores / n, p1.rssMib(), 100 * t1.audibleRateSince(t0, seconds),
                        ProcessFootprint.loadAverage());
                System.out.println(line);
                lines.add(line);
                double excess = miss - TimerNoise.lateRate(n0, n1);
                if (miss <= ON_TIME) {
                    largestOnTime = n;
                }
                if (excess <= ON_TIME) {
                    largestAtReference = n;
                }
                if (miss > OVERLOADED && excess > OVERLOADED) {
                    stop = "miss rate above 1% and 1 point above the bare timer's at N=" + n;
                    break;
                }
            }
        }
        lines.add(String.format(Locale.ROOT, "RtcCapacity largest N with every frame on time (<= 0.1%% late): %d;"
                        + " largest N within 0.1 point of the bare timer thread: %d (%s)   target: report"
                        + " (anchor: >= 20 sessions per core)", largestOnTime, largestAtReference, stop));
        return lines;
    }
}
