package dev.switchboard.bench.rtc;

/**
 * Totals over every participant of a {@link JavaCrowd} at one instant. Immutable.
 *
 * @param participants how many participants
 * @param framesSent 10 ms slots of the pacers: frames handed to WebRTC plus frames skipped after stalls
 * @param lateFrames deadline misses: frames that left more than 5 ms after their slot, plus skipped slots
 * @param maxLatenessNanos the worst lateness of any pacer since it started
 * @param framesReceived decoded remote frames delivered to the listeners
 * @param audibleSamples samples received in frames carrying the tone (RMS above {@link Tone#AUDIBLE_RMS})
 */
record CrowdTotals(int participants, long framesSent, long lateFrames, long maxLatenessNanos,
                   long framesReceived, long audibleSamples) {

    /** Late frames between {@code earlier} and this, as a fraction of the frames sent in between. */
    double missRateSince(CrowdTotals earlier) {
        long sent = framesSent - earlier.framesSent;
        return sent == 0 ? 1.0 : (double) (lateFrames - earlier.lateFrames) / sent;
    }

    /** Audible audio received since {@code earlier}, per participant, as a fraction of real time (1.0 = all). */
    double audibleRateSince(CrowdTotals earlier, double seconds) {
        return (audibleSamples - earlier.audibleSamples) / seconds / participants / Tone.RATE;
    }
}
