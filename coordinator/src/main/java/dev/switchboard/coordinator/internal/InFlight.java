package dev.switchboard.coordinator.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Counts running requests so that {@code close()} can stop admitting new ones and drain. Thread-safe. */
final class InFlight {

    private final AtomicLong running = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private volatile boolean closed;

    /** Admits one request; false once closing started. Every admitted request must call {@link #exit()}. */
    boolean enter() {
        running.incrementAndGet();
        if (closed) {
            exit();
            return false;
        }
        return true;
    }

    void exit() {
        if (running.decrementAndGet() == 0 && closed) {
            lock.lock();
            try {
                idle.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Stops admitting and waits up to {@code timeout} for the running requests; true when all finished. */
    boolean closeAndDrain(Duration timeout) {
        closed = true;
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (running.get() > 0 && left > 0) {
                left = idle.awaitNanos(left);
            }
            return running.get() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        return closed;
    }

    long running() {
        return running.get();
    }
}
