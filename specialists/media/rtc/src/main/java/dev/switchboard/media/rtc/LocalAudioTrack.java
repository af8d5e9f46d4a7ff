package dev.switchboard.media.rtc;

/**
 * An audio track this session publishes. PCM written here is queued and sent by one real-time platform
 * thread in 10 ms frames of 48 kHz mono; when the queue is empty the thread sends silence, so the
 * track stays live. Thread-safe: any thread may write, but frames from concurrent writers interleave.
 */
public interface LocalAudioTrack {

    /** The sample rate {@link #write} expects (48 000). */
    int SAMPLE_RATE = 48_000;

    /** The publication's sid ({@code TR_…}). */
    String trackSid();

    /**
     * Queues mono 48 kHz samples. Blocks while more than the queue's capacity (2 s) is waiting, so
     * a producer faster than real time is slowed to it.
     *
     * @throws RtcStateException if the track was unpublished or the session closed
     */
    void write(short[] samples);

    /**
     * Queues {@code length} mono 48 kHz samples of {@code samples} from {@code offset}, without copying
     * them first; otherwise as {@link #write(short[])}.
     *
     * @throws IndexOutOfBoundsException if the range is outside the array
     * @throws RtcStateException if the track was unpublished or the session closed
     */
    default void write(short[] samples, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, samples.length);
        write(java.util.Arrays.copyOfRange(samples, offset, offset + length));
    }

    /** Drops everything queued but not yet sent (for barge-in); returns how many samples were dropped. */
    int clear();

    /** Milliseconds of audio queued and not yet sent. */
    long queuedMillis();

    /** Mutes or unmutes the track (the server and the other participants are told). */
    void setMuted(boolean muted);

    /** Pacing figures: frames sent and frames that left later than their 10 ms slot. */
    PacerStats stats();

    /** Stops sending and removes the track from the room. Idempotent. */
    void unpublish();
}
