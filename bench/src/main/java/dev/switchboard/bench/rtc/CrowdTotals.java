package dev.switchboard.bench.rtc;

/**
 * Totals over every participant of a {@link JavaCrowd} at one instant. Immutable.
 *
 * @param participants how many participants
 * @param framesSent 10 ms frames the pacers handed to WebRTC
 * @param lateFrames frames that left more than 5 ms after their slot (the pacer's deadline miss)
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
