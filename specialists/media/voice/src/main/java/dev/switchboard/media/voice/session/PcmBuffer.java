package dev.switchboard.media.voice.session;

/**
 * A growable PCM buffer with a capacity; beyond it the oldest samples are dropped (a ring), so it
 * serves both as the VAD prefix-padding ring and as a turn's audio. Not thread-safe.
 */
final class PcmBuffer {

    private final int capacity;
    private short[] data = new short[1024];
    private int start;
    private int size;

    PcmBuffer(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    void add(short[] pcm, int length) {
        for (int i = 0; i < length; i++) {
            if (size == capacity) {
                start = (start + 1) % data.length;
                size--;
            } else if (size == data.length) {
                grow();
            }
            data[(start + size) % data.length] = pcm[i];
            size++;
        }
    }

    void addAll(PcmBuffer other) {
        short[] a = other.toArray();
        add(a, a.length);
    }

    private void grow() {
        short[] bigger = new short[Math.min(capacity, data.length * 2)];
        for (int i = 0; i < size; i++) {
            bigger[i] = data[(start + i) % data.length];
        }
        data = bigger;
        start = 0;
    }

    short[] toArray() {
        short[] out = new short[size];
        for (int i = 0; i < size; i++) {
            out[i] = data[(start + i) % data.length];
        }
        return out;
    }

    int size() {
        return size;
    }

    void clear() {
        start = 0;
        size = 0;
    }
}
