package dev.switchboard.e2e;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Test tones: 16-bit mono PCM, WAV files, level and dominant frequency (Goertzel scan). Stateless. */
final class ToneWav {

    private ToneWav() {
    }

    /** {@code seconds} of a sine at {@code hz}, amplitude 0.4 of full scale. */
    static short[] samples(double hz, int rate, int seconds) {
        short[] out = new short[rate * seconds];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) Math.round(Math.sin(2 * Math.PI * hz * i / rate) * 0.4 * Short.MAX_VALUE);
        }
        return out;
    }

    /** A mono 16-bit WAV file's bytes holding {@link #samples}. */
    static byte[] sine(double hz, int rate, int seconds) {
        return wav(samples(hz, rate, seconds), rate);
    }

    /** A mono 16-bit WAV file's bytes holding {@code pcm} at {@code rate}. */
    static byte[] wav(short[] pcm, int rate) {
        ByteBuffer b = ByteBuffer.allocate(44 + pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcm.length * 2)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(pcm.length * 2);
        for (short s : pcm) {
            b.putShort(s);
        }
        return b.array();
    }

    static double rms(short[] pcm) {
        double sum = 0;
        for (short s : pcm) {
            sum += (double) s * s;
        }
        return pcm.length == 0 ? 0 : Math.sqrt(sum / pcm.length);
    }

    /** The frequency between 100 and 2000 Hz (5 Hz steps) with the most power; 0 for no audio. */
    static double dominantHz(short[] pcm, int rate) {
        int n = Math.min(pcm.length, rate);
        double best = 0;
        double bestPower = 0;
        for (double hz = 100; hz <= 2_000; hz += 5) {
            double coeff = 2 * Math.cos(2 * Math.PI * hz / rate);
            double s1 = 0;
            double s2 = 0;
            for (int i = 0; i < n; i++) {
                double s0 = pcm[i] + coeff * s1 - s2;
                s2 = s1;
                s1 = s0;
            }
            double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
            if (power > bestPower) {
                bestPower = power;
                best = hz;
            }
        }
        return best;
    }
}
