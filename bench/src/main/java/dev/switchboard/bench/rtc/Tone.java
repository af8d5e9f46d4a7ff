package dev.switchboard.bench.rtc;

/** Test audio for the harnesses: 100 ms slices of a one-second sine, and a loudness check. Immutable. */
final class Tone {

    static final int RATE = 48_000;
    static final int SLICE = RATE / 10;
    /** A 10 ms frame with an RMS above this counts as audible (the tones have an RMS near 7,000). */
    static final double AUDIBLE_RMS = 1_000;
    private final short[][] slices = new short[10][SLICE];

    Tone(int hz) {
        for (int i = 0; i < RATE; i++) {
            double x = Math.sin(2 * Math.PI * hz * i / RATE);
            slices[i / SLICE][i % SLICE] = (short) Math.round(0.3 * Short.MAX_VALUE * x);
        }
    }

    /** The {@code n}-th 100 ms slice (wrapping each second). Do not modify it. */
    short[] slice(long n) {
        return slices[(int) (n % slices.length)];
    }

    static boolean audible(short[] samples) {
        double sum = 0;
        for (short s : samples) {
            sum += (double) s * s;
        }
        return samples.length > 0 && Math.sqrt(sum / samples.length) > AUDIBLE_RMS;
    }
}
