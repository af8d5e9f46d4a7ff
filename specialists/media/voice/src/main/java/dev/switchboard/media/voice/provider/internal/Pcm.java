package dev.switchboard.media.voice.provider.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Conversions between 16-bit little-endian PCM bytes, {@code short[]} samples and WAV files. Stateless. */
public final class Pcm {

    private Pcm() {
    }

    /** Little-endian bytes of {@code length} samples from {@code offset}. */
    public static byte[] toBytes(short[] pcm, int offset, int length) {
        ByteBuffer b = ByteBuffer.allocate(length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.asShortBuffer().put(pcm, offset, length);
        return b.array();
    }

    /** Samples of {@code length} little-endian bytes (an even count) from {@code offset}. */
    public static short[] toShorts(byte[] bytes, int offset, int length) {
        short[] out = new short[length / 2];
        ByteBuffer.wrap(bytes, offset, length).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
        return out;
    }

    /** A mono 16-bit WAV file holding {@code samples}. */
    public static byte[] wav(short[] samples, int length, int sampleRate) {
        int dataBytes = length * 2;
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes);
        h.put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
        h.putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2);
        h.putShort((short) 2).putShort((short) 16);
        h.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream(44 + dataBytes);
        out.writeBytes(h.array());
        out.writeBytes(toBytes(samples, 0, length));
        return out.toByteArray();
    }
}
