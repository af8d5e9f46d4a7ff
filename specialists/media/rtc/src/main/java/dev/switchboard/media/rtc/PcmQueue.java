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
        write(samples, 0, samples.length);
    }

    /** Appends {@code length} samples from {@code from}, waiting for space as needed; throws once closed. */
    void write(short[] samples, int from, int length) {
        int offset = from;
        int end = from + length;
        lock.lock();
        try {
            while (offset < end) {
                while (size == ring.length && !closed) {
                    space.awaitUninterruptibly();
                }
                if (closed) {
                    throw new RtcStateException("audio track is unpublished or its session closed");
                }
                int n = Math.min(end - offset, ring.length - size);
                int tail = (head + size) % ring.length;
                int first = Math.min(n, ring.length - tail);
                System.arraycopy(samples, offset, ring, tail, first);
                System.arraycopy(samples, offset + first, ring, 0, n - first);
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
            int first = Math.min(n, ring.length - head);
            System.arraycopy(ring, head, into, 0, first);
            System.arraycopy(ring, 0, into, first, n - first);
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
