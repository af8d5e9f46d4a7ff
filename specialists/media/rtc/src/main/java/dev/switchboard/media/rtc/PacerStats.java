package dev.switchboard.media.rtc;

/**
 * What the audio pacing thread measured. Immutable, thread-safe.
 *
 * @param framesSent 10 ms frames handed to WebRTC
 * @param silentFrames frames that were silence because nothing was queued
 * @param lateFrames frames that left more than 5 ms after their slot
 * @param maxLatenessNanos the worst lateness seen
 */
public record PacerStats(long framesSent, long silentFrames, long lateFrames, long maxLatenessNanos) {
}
