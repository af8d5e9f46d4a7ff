package dev.switchboard.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Assumptions;

/**
 * How much the machine stalled this process: a daemon platform thread wakes every 5 ms and counts
 * wake-ups more than 50 ms late (a stall no code of ours caused, since this thread does nothing else:
 * the hypervisor, CPU starvation or a JVM safepoint), and the CPU time the hypervisor stole
 * ({@code /proc/stat}). Real-time tests print it next to their timing figures, so a late frame on a
 * noisy CI machine can be told from a late frame of ours. One meter per process, started on first use.
 * Thread-safe.
 */
public final class MachineStalls {

    private static final long TICK_NANOS = 5_000_000L;
    private static final long STALL_NANOS = 50_000_000L;
    private static final AtomicLong STALLS = new AtomicLong();
    private static final AtomicLong STALLED_NANOS = new AtomicLong();
    private static final AtomicLong WORST_NANOS = new AtomicLong();

    static {
        Thread.ofPlatform().name("machine-stall-meter").daemon().start(MachineStalls::run);
    }

    private MachineStalls() {
    }

    /**
     * Aborts the calling test (JUnit: reported as skipped, with the reason printed) when the machine stood
     * still for more than {@code maxStalledMillis} since {@code start}: its timing assertions would then
     * judge the machine, not our code. Call it after the functional assertions, right before the timing
     * ones, so a stalled run still checks everything else.
     */
    public static void assumeSteadySince(Reading start, long maxStalledMillis) {
        Reading window = now().since(start);
        String reason = "timing not judged, the machine stalled: " + window + " (bound " + maxStalledMillis + " ms)";
        if (window.stalledMillis() > maxStalledMillis) {
            System.out.println(reason);
        }
        Assumptions.assumeTrue(window.stalledMillis() <= maxStalledMillis, reason);
    }

    /** What the meter has seen so far; {@link Reading#since} gives the part of a time window. */
    public static Reading now() {
        return new Reading(System.nanoTime(), STALLS.get(), STALLED_NANOS.get(), WORST_NANOS.get(), stealTicks());
    }

    /**
     * A reading of the meter.
     *
     * @param nanos when it was taken
     * @param stalls wake-ups more than 50 ms late
     * @param stalledNanos the lateness of those wake-ups added up
     * @param worstNanos the worst lateness since the meter started
     * @param stealTicks the machine's stolen CPU time in clock ticks (USER_HZ, 100/s), -1 when unknown
     */
    public record Reading(long nanos, long stalls, long stalledNanos, long worstNanos, long stealTicks) {

        /** This reading minus an earlier one (the worst lateness stays the meter's worst). */
        public Reading since(Reading earlier) {
            return new Reading(nanos - earlier.nanos, stalls - earlier.stalls, stalledNanos - earlier.stalledNanos,
                    worstNanos, stealTicks < 0 || earlier.stealTicks < 0 ? -1 : stealTicks - earlier.stealTicks);
        }

        /** Milliseconds the process stood still in stalls over 50 ms. */
        public long stalledMillis() {
            return stalledNanos / 1_000_000L;
        }

        @Override
        public String toString() {
            String steal = stealTicks < 0 ? "unknown" : stealTicks * 10 + " ms";
            return String.format("machine stalls over 50 ms: %d (%d ms in all, worst %d ms); CPU stolen by the host:"
                    + " %s", stalls, stalledMillis(), worstNanos / 1_000_000L, steal);
        }
    }

    private static void run() {
        long next = System.nanoTime() + TICK_NANOS;
        while (true) {
            LockSupport.parkNanos(next - System.nanoTime());
            long now = System.nanoTime();
            long late = now - next;
            if (late > STALL_NANOS) {
                STALLS.incrementAndGet();
                STALLED_NANOS.addAndGet(late);
                WORST_NANOS.accumulateAndGet(late, Math::max);
            }
            next = Math.max(next + TICK_NANOS, now);
        }
    }

    private static long stealTicks() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst();
            String[] f = cpu.trim().split("\\s+");
            return f.length > 8 ? Long.parseLong(f[8]) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
