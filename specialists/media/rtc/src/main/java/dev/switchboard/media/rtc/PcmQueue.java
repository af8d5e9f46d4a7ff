package dev.switchboard.media.rtc;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded ring of 16-bit samples between a producer (TTS, a file) and the pacing thread. The producer
 * blocks while the ring is full; the pacer never blocks. Thread-safe.
 */
final class PcmQueue {

    private final short[] ring;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition space = lock.newCondition();
    private int head;
    private int size;
    private boolean closed;

    PcmQueue(int capacity) {
        ring = new short[capacity];
    }

    /** Appends all samples, waiting for space as needed; throws once the queue is closed. */
    void write(short[] samples) {
        int offset = 0;
        lock.lock();
        try {
            while (offset < samples.length) {
                while (size == ring.length && !closed) {
                    space.awaitUninterruptibly();
                }
                if (closed) {
                    throw new RtcStateException("audio track is unpublished or its session closed");
                }
                int n = Math.min(samples.length - offset, ring.length - size);
                for (int i = 0; i < n; i++) {
                    ring[(head + size + i) % ring.length] = samples[offset + i];
                }
                size += n;
                offset += n;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Moves up to {@code into.length} samples into {@code into}; returns how many. Never blocks on space. */
    int poll(short[] into) {
        lock.lock();
        try {
            int n = Math.min(into.length, size);
            for (int i = 0; i < n; i++) {
                into[i] = ring[(head + i) % ring.length];
            }
            head = (head + n) % ring.length;
            size -= n;
            if (n > 0) {
                space.signalAll();
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    int clear() {
        lock.lock();
        try {
            int dropped = size;
            size = 0;
            space.signalAll();
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            space.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
