package dev.switchboard.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling for a condition in tests that wait on real servers and rooms. Stateless, thread-safe. */
public final class Conditions {

    private Conditions() {
    }

    /**
     * Polls {@code condition} every 25 ms until it holds or {@code timeout} passes.
     *
     * @return whether it held in time (assert on it: a timeout is not an exception here)
     */
    public static boolean waitUntil(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(25);
        }
        return true;
    }
}
