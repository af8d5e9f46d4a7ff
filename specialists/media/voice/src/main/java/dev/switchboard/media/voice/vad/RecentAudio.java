package dev.switchboard.media.voice.vad;

import java.util.Arrays;

/**
 * A ring of the most recent input samples, so a stream can hand out the prefix padding and the
 * triggering speech at a speech start. Allocation-free except {@link #snapshot}. Not thread-safe.
 */
final class RecentAudio {

    private final short[] ring;
    private final short[] leading;
    private int write;
    private long total;
    private int leadingLength;

    RecentAudio(int capacity) {
        this.ring = new short[Math.max(1, capacity)];
        this.leading = new short[ring.length];
    }

    void add(short[] pcm, int offset, int length) {
        total += length;
        int skip = Math.max(0, length - ring.length);
        offset += skip;
        length -= skip;
        while (length > 0) {
            int n = Math.min(length, ring.length - write);
            System.arraycopy(pcm, offset, ring, write, n);
            write = (write + n) % ring.length;
            offset += n;
            length -= n;
        }
    }

    /** Keeps the last {@code samples} samples (at most the capacity) as the leading audio. */
    void snapshot(long samples) {
        int n = (int) Math.min(Math.min(samples, total), ring.length);
        int start = Math.floorMod(write - n, ring.length);
        int first = Math.min(n, ring.length - start);
        System.arraycopy(ring, start, leading, 0, first);
        System.arraycopy(ring, 0, leading, first, n - first);
        leadingLength = n;
    }

    short[] leading() {
        return Arrays.copyOf(leading, leadingLength);
    }

    void clear() {
        write = 0;
        total = 0;
        leadingLength = 0;
    }
}
