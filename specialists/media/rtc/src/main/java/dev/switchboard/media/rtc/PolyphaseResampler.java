package dev.switchboard.media.rtc;

/**
 * Rational resampling by {@code up/down} (rates divided by their gcd): conceptually upsample by
 * {@code up}, low-pass at the lower Nyquist frequency, keep every {@code down}-th sample; computed per
 * output sample from one phase of the prototype filter. Keeps the last {@code taps - 1} input samples
 * between calls at the head of one working buffer, reused from call to call (a call allocates only
 * the returned array). Not thread-safe.
 */
final class PolyphaseResampler implements Resampler {

    private static final int TAPS_PER_ZERO_CROSSING = 12;
    private final int up;
    private final int down;
    private final int taps;
    private final float[][] phases;
    private float[] buffer;
    private long position;

    PolyphaseResampler(int fromRate, int toRate) {
        check("fromRate", fromRate);
        check("toRate", toRate);
        int g = gcd(fromRate, toRate);
        up = toRate / g;
        down = fromRate / g;
        taps = 2 * TAPS_PER_ZERO_CROSSING * Math.max(up, down) / up + 1;
        phases = split(design(up, down, taps), up, taps);
        buffer = new float[taps - 1 + 960];
    }

    private static void check(String name, int rate) {
        if (rate < 8_000 || rate > 192_000) {
            throw new IllegalArgumentException(name + ": must be 8000..192000 Hz, got " + rate);
        }
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Prototype low-pass of {@code taps * up} coefficients at the upsampled rate, gain {@code up}. */
    private static float[] design(int up, int down, int taps) {
        int length = taps * up;
        double cutoff = 0.5 / Math.max(up, down) * 0.94;
        double center = (length - 1) / 2.0;
        float[] h = new float[length];
        for (int n = 0; n < length; n++) {
            double x = n - center;
            double sinc = x == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
            double w = 0.42 - 0.5 * Math.cos(2 * Math.PI * n / (length - 1))
                    + 0.08 * Math.cos(4 * Math.PI * n / (length - 1));
            h[n] = (float) (up * sinc * w);
        }
        return h;
    }

    /** Phase {@code p}'s taps, reversed so a dot product walks the input forwards. */
    private static float[][] split(float[] filter, int up, int taps) {
        float[][] out = new float[up][taps];
        for (int p = 0; p < up; p++) {
            for (int k = 0; k < taps; k++) {
                out[p][taps - 1 - k] = filter[p + k * up];
            }
        }
        return out;
    }

    @Override
    public short[] process(short[] samples) {
        int keep = taps - 1;
        if (buffer.length < keep + samples.length) {
            buffer = java.util.Arrays.copyOf(buffer, keep + samples.length);
        }
        for (int i = 0; i < samples.length; i++) {
            buffer[keep + i] = samples[i];
        }
        int count = (int) Math.max(0, (samples.length * (long) up - position + down - 1) / down);
        short[] out = new short[count];
        for (int o = 0; o < count; o++) {
            long t = position + (long) o * down;
            int first = (int) (t / up) + keep - (taps - 1);
            float[] phase = phases[(int) (t % up)];
            float acc = 0;
            for (int k = 0; k < taps; k++) {
                acc += phase[k] * buffer[first + k];
            }
            out[o] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(acc)));
        }
        position = position + (long) count * down - (long) samples.length * up;
        System.arraycopy(buffer, samples.length, buffer, 0, keep);
        return out;
    }
}
