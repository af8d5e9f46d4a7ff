package dev.switchboard.media.rtc;

import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.switchboard.spi.TimeSource;
import java.util.concurrent.locks.LockSupport;

/**
 * The one real-time platform thread per published track: every 10 ms it takes 480 samples (48 kHz mono)
 * from the queue, or silence when it is empty, and pushes them into webrtc-java's
 * {@link CustomAudioSource}. Slots are absolute (start + n × 10 ms), so jitter does not accumulate; after a
 * stall longer than 100 ms the schedule restarts from now instead of bursting. Thread-safe.
 */
final class AudioPacer implements Runnable {

    static final int FRAME_SAMPLES = LocalAudioTrack.SAMPLE_RATE / 100;
    private static final long FRAME_NANOS = 10_000_000L;
    private static final long LATE_NANOS = 5_000_000L;
    private static final long RESYNC_NANOS = 100_000_000L;

    private final CustomAudioSource source;
    private final PcmQueue queue;
    private final TimeSource time;
    private final String name;
    private volatile boolean running = true;
    private volatile long framesSent;
    private volatile long silentFrames;
    private volatile long lateFrames;
    private volatile long skippedFrames;
    private volatile long maxLateness;
    private Thread thread;

    AudioPacer(CustomAudioSource source, PcmQueue queue, TimeSource time, String name) {
        this.source = source;
        this.queue = queue;
        this.time = time;
        this.name = name;
    }

    void start() {
        thread = Thread.ofPlatform().name("rtc-audio-pacer-" + name).daemon().priority(Thread.MAX_PRIORITY)
                .start(this);
    }

    /** Stops the thread and waits for it, so the source is no longer used when this returns. */
    void stop() {
        running = false;
        if (thread != null && thread != Thread.currentThread()) {
            LockSupport.unpark(thread);
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    PacerStats stats() {
        return new PacerStats(framesSent, silentFrames, lateFrames, skippedFrames, maxLateness);
    }

    @Override
    public void run() {
        short[] frame = new short[FRAME_SAMPLES];
        byte[] bytes = new byte[FRAME_SAMPLES * 2];
        long next = time.nanos();
        while (running) {
            long wait;
            while (running && (wait = next - time.nanos()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!running) {
                return;
            }
            long lateness = time.nanos() - next;
            if (lateness > LATE_NANOS) {
                lateFrames++;
            }
            maxLateness = Math.max(maxLateness, lateness);
            int n = queue.poll(frame);
            if (n == 0) {
                silentFrames++;
            }
            for (int i = 0; i < FRAME_SAMPLES; i++) {
                short s = i < n ? frame[i] : 0;
                bytes[2 * i] = (byte) s;
                bytes[2 * i + 1] = (byte) (s >> 8);
            }
            source.pushAudio(bytes, 16, LocalAudioTrack.SAMPLE_RATE, 1, FRAME_SAMPLES);
            framesSent++;
            next += FRAME_NANOS;
            long behind = time.nanos() - next;
            if (behind > RESYNC_NANOS) {
                skippedFrames += behind / FRAME_NANOS;
                next += behind / FRAME_NANOS * FRAME_NANOS;
            }
        }
    }
}
