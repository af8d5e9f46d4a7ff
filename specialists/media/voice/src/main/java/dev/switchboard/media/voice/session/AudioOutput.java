package dev.switchboard.media.voice.session;

import dev.switchboard.media.rtc.LocalAudioTrack;
import dev.switchboard.media.rtc.RtcStateException;
import dev.switchboard.spi.TimeSource;
import java.util.ArrayDeque;

/**
 * One session's agent audio on its way to the published track. The session queues 48 kHz PCM of
 * the current speech; the shared {@link OutputPump} tops the track up to {@link #TARGET_MILLIS} every
 * 10 ms, so at most that much audio sits where it cannot be paused. Pause drops what the track still
 * holds and puts it back at the head of this queue, so resume continues exactly where the user
 * stopped hearing. Counts what was played so the history keeps only the heard text.
 * A tick copies samples straight from the queued arrays into the track (no per-tick allocation).
 * Thread-safe (the session's lane and the pump synchronize on this object).
 */
final class AudioOutput {

    /** What the session learns from playback; called on the pump thread, must only post. */
    interface Events {
        /** The first sample of the current speech was handed to the track; it leaves after {@code queuedNanos}. */
        void playbackStarted(long speechId, long atNanos);

        /** The current speech was fully played (ended and nothing left anywhere). */
        void playbackDrained(long speechId);
    }

    static final int TARGET_MILLIS = 40;
    private static final int RING = 48 * 400;
    private final LocalAudioTrack track;
    private final TimeSource time;
    private final Events events;
    private final ArrayDeque<short[]> queue = new ArrayDeque<>();
    private final short[] recent = new short[RING];
    private int recentPos;
    private int headOffset;
    private long speechId = -1;
    private long written;
    private boolean started;
    private boolean ended;
    private boolean paused;
    private boolean closed;

    AudioOutput(LocalAudioTrack track, TimeSource time, Events events) {
        this.track = track;
        this.time = time;
        this.events = events;
    }

    /** Starts accounting for a new speech; anything still queued from the previous one is dropped. */
    synchronized void begin(long id) {
        queue.clear();
        headOffset = 0;
        track.clear();
        speechId = id;
        written = 0;
        started = false;
        ended = false;
        paused = false;
    }

    /** Queues 48 kHz audio of the current speech. */
    synchronized void enqueue(long id, short[] pcm) {
        if (id == speechId && pcm.length > 0 && !ended) {
            queue.add(pcm);
        }
    }

    /** No more audio comes for the current speech; drained fires once it has all played. */
    synchronized void end(long id) {
        if (id == speechId) {
            ended = true;
        }
    }

    /** Stops feeding the track and takes back what it had not sent yet. */
    synchronized void pause() {
        if (paused) {
            return;
        }
        paused = true;
        int dropped = safeClear();
        if (dropped > 0) {
            short[] back = new short[dropped];
            int from = Math.floorMod(recentPos - dropped, RING);
            for (int i = 0; i < dropped; i++) {
                back[i] = recent[(from + i) % RING];
            }
            if (headOffset > 0) {
                short[] head = queue.poll();
                queue.addFirst(java.util.Arrays.copyOfRange(head, headOffset, head.length));
                headOffset = 0;
            }
            queue.addFirst(back);
            written -= dropped;
        }
    }

    /** Continues feeding after {@link #pause()}. */
    synchronized void resume() {
        paused = false;
    }

    synchronized boolean paused() {
        return paused;
    }

    /** Cancels the current speech: drops every queued sample; returns the samples that were played. */
    synchronized long cancel() {
        queue.clear();
        headOffset = 0;
        written -= safeClear();
        ended = true;
        paused = false;
        long played = written;
        speechId = -1;
        return played;
    }

    /** Samples of the current speech already played (written minus what the track still holds). */
    synchronized long playedSamples() {
        long held = paused ? 0 : track.queuedMillis() * 48;
        return Math.max(0, written - held);
    }

    synchronized void close() {
        closed = true;
        queue.clear();
    }

    /** One pump tick: top the track up; report start and drain. */
    void tick() {
        long startedId = -1;
        long drainedId = -1;
        long at = 0;
        synchronized (this) {
            if (closed || speechId < 0 || paused) {
                return;
            }
            long queued = track.queuedMillis();
            while (queued < TARGET_MILLIS && !queue.isEmpty()) {
                short[] head = queue.peek();
                int from = headOffset;
                int n = Math.min(head.length - from, 480 * 2);
                headOffset += n;
                if (headOffset == head.length) {
                    queue.poll();
                    headOffset = 0;
                }
                if (!started) {
                    started = true;
                    startedId = speechId;
                    at = time.nanos() + queued * 1_000_000L;
                }
                if (!write(head, from, n)) {
                    return;
                }
                queued += n / 48;
            }
            if (ended && queue.isEmpty() && track.queuedMillis() == 0) {
                drainedId = speechId;
                speechId = -1;
            }
        }
        if (startedId >= 0) {
            events.playbackStarted(startedId, at);
        }
        if (drainedId >= 0) {
            events.playbackDrained(drainedId);
        }
    }

    private boolean write(short[] pcm, int from, int n) {
        try {
            track.write(pcm, from, n);
        } catch (RtcStateException e) {
            closed = true;
            return false;
        }
        int first = Math.min(n, RING - recentPos);
        System.arraycopy(pcm, from, recent, recentPos, first);
        System.arraycopy(pcm, from + first, recent, 0, n - first);
        recentPos = (recentPos + n) % RING;
        written += n;
        return true;
    }

    private int safeClear() {
        try {
            return track.clear();
        } catch (RtcStateException e) {
            return 0;
        }
    }
}
