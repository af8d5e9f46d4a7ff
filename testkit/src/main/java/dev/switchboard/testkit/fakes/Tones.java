package dev.switchboard.testkit.fakes;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A 220 Hz tone as little-endian 16-bit PCM, continuous across chunks. Stateless. */
final class Tones {

    private Tones() {
    }

    static byte[] pcm(int firstSample, int count, int sampleRate) {
        ByteBuffer b = ByteBuffer.allocate(count * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            double t = (firstSample + i) / (double) sampleRate;
            b.putShort((short) (8000 * Math.sin(2 * Math.PI * 220 * t)));
        }
        return b.array();
    }
}
