package dev.switchboard.coordinator.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Interrupts a thread whose deadline passed. One daemon thread ({@code switchboard-deadlines}) per
 * JVM serves every coordinator; it sleeps until the earliest deadline it knows of, so a call that
 * finishes in time costs a map insert and a removal, and no wake-up of another thread (only a watch
 * earlier than the one the watchdog sleeps towards wakes it). Thread-safe.
 */
final class DeadlineWatchdog {

    private static final int IDLE = 0;
    private static final int SCANNING = 1;
    private static final int TIMED = 2;

    private static final Set<Watch> WATCHES = ConcurrentHashMap.newKeySet();
    private static volatile int mode = SCANNING;
    private static volatile long plannedWake;
    private static final Thread THREAD = Thread.ofPlatform().daemon().name("switchboard-deadlines")
            .start(DeadlineWatchdog::loop);

    private DeadlineWatchdog() {
    }

    /** Starts watching the calling thread: it is interrupted once {@code timeoutNanos} have passed. */
    static Watch watch(long timeoutNanos) {
        Watch w = new Watch(Thread.currentThread(), System.nanoTime() + timeoutNanos);
        WATCHES.add(w);
        if (mode != TIMED || w.deadline - plannedWake < 0) {
            LockSupport.unpark(THREAD);
        }
        return w;
    }

    private static void loop() {
        while (true) {
            mode = SCANNING;
            long now = System.nanoTime();
            long next = 0;
            boolean any = false;
            for (Watch w : WATCHES) {
                if (w.deadline - now <= 0) {
                    WATCHES.remove(w);
                    w.expire();
                } else if (!any || w.deadline - next < 0) {
                    next = w.deadline;
                    any = true;
                }
            }
            if (any) {
                plannedWake = next;
                mode = TIMED;
                LockSupport.parkNanos(next - now);
            } else {
                mode = IDLE;
                LockSupport.park();
            }
        }
    }

    /**
     * One watched call. The owner calls {@link #finish()} when the call returns; whoever comes first,
     * the owner or the watchdog, decides whether the deadline passed. Thread-safe.
     */
    static final class Watch {
        private static final int RUNNING = 0;
        private static final int DONE = 1;
        private static final int EXPIRING = 2;
        private static final int EXPIRED = 3;

        private final Thread owner;
        private final long deadline;
        private final AtomicInteger state = new AtomicInteger(RUNNING);

        private Watch(Thread owner, long deadline) {
            this.owner = owner;
            this.deadline = deadline;
        }

        private void expire() {
            if (state.compareAndSet(RUNNING, EXPIRING)) {
                owner.interrupt();
                state.set(EXPIRED);
            }
        }

        /**
         * Stops watching; called by the watched thread.
         *
         * @return true when the deadline passed first: the thread was interrupted by the watchdog, and
         *     that interrupt has been cleared again
         */
        boolean finish() {
            WATCHES.remove(this);
            if (state.compareAndSet(RUNNING, DONE)) {
                return false;
            }
            while (state.get() != EXPIRED) {
                Thread.onSpinWait();
            }
            Thread.interrupted();
            return true;
        }
    }
}
