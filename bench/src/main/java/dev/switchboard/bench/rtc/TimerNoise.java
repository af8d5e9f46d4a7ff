package dev.switchboard.bench.rtc;

import java.util.concurrent.locks.LockSupport;

/**
 * The reference for pacing figures: a bare platform thread at maximum priority that wakes on absolute
 * 10 ms slots exactly as the audio pacer does, but sends nothing. Its late-wake rate is what the
 * machine's scheduler alone costs (other processes included), measured in the same window as the
 * participants. Thread-safe.
 */
final class TimerNoise implements AutoCloseable {

    private static final long SLOT = 10_000_000L;
    private static final long LATE = 5_000_000L;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long wakes;
    private volatile long late;

    TimerNoise() {
        thread = Thread.ofPlatform().name("bench-timer-noise").daemon().priority(Thread.MAX_PRIORITY)
                .start(this::run);
    }

    /** Wakes and late wakes so far. */
    long[] counts() {
        return new long[] {wakes, late};
    }

    /** Late wakes between two {@link #counts()} readings, as a fraction. */
    static double lateRate(long[] earlier, long[] later) {
        long n = later[0] - earlier[0];
        return n == 0 ? 1.0 : (double) (later[1] - earlier[1]) / n;
    }

    private void run() {
        long next = System.nanoTime();
        while (running) {
            long wait;
            while (running && (wait = next - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (System.nanoTime() - next > LATE) {
                late++;
            }
            wakes++;
            next += SLOT;
            if (System.nanoTime() - next > 100 * 1_000_000L) {
                next = System.nanoTime();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
    }
}
