package dev.switchboard.media.voice.provider;

/** Test audio. */
public final class Audio {

    private Audio() {
    }

    /** {@code millis} of a 300 Hz tone at {@code rate}. */
    public static short[] tone(int millis, int rate) {
        short[] s = new short[millis * rate / 1000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (6000 * Math.sin(2 * Math.PI * 300 * i / (double) rate));
        }
        return s;
    }
}
