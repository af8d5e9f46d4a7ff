package dev.switchboard.media.rtc;

/**
 * What the audio pacing thread measured. Immutable, thread-safe.
 *
 * @param framesSent 10 ms frames handed to WebRTC
 * @param silentFrames frames that were silence because nothing was queued
 * @param lateFrames frames that left more than 5 ms after their slot
 * @param skippedFrames slots given up after a stall over 100 ms (the schedule restarted from now instead
 *     of bursting); each is a missed deadline too, so a deadline-miss rate is
 *     {@code (lateFrames + skippedFrames) / (framesSent + skippedFrames)}
 * @param maxLatenessNanos the worst lateness seen
 */
public record PacerStats(long framesSent, long silentFrames, long lateFrames, long skippedFrames,
                         long maxLatenessNanos) {

    /** Slots the pacer's clock went through: frames sent plus frames skipped after stalls. */
    public long slots() {
        return framesSent + skippedFrames;
    }

    /** Missed deadlines: late frames plus skipped ones. */
    public long missed() {
        return lateFrames + skippedFrames;
    }
}
