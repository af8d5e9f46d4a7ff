package dev.switchboard.media.rtc;

/** Test audio: sine generation, RMS and a Goertzel scan for the dominant frequency. Stateless. */
final class Tones {

    private Tones() {
    }

    static short[] sine(double hz, int rate, int samples, double amplitude) {
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (short) Math.round(amplitude * Short.MAX_VALUE * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return out;
    }

    static double rms(short[] samples) {
        double sum = 0;
        for (short s : samples) {
            sum += (double) s * s;
        }
        return samples.length == 0 ? 0 : Math.sqrt(sum / samples.length);
    }

    /** Goertzel power of {@code hz} in {@code samples}. */
    static double power(short[] samples, int rate, double hz) {
        double coeff = 2 * Math.cos(2 * Math.PI * hz / rate);
        double s1 = 0;
        double s2 = 0;
        for (short x : samples) {
            double s0 = x + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return s1 * s1 + s2 * s2 - coeff * s1 * s2;
    }

    /** The frequency between 100 and 4000 Hz (5 Hz steps) with the most Goertzel power. */
    static double dominantFrequency(short[] samples, int rate) {
        double best = 0;
        double bestPower = -1;
        for (double hz = 100; hz <= 4000; hz += 5) {
            double p = power(samples, rate, hz);
            if (p > bestPower) {
                bestPower = p;
                best = hz;
            }
        }
        return best;
    }
}
