package dev.switchboard.media.voice.provider.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads a streamed mono 16-bit PCM WAV (as {@code espeak-ng --stdout} writes it, with a data size
 * that is a placeholder): parses the header, then hands out samples as they arrive. Not
 * thread-safe.
 */
public final class WavStream {

    private final InputStream in;
    private final int sampleRate;
    private final byte[] buffer;
    private int carry = -1;

    private WavStream(InputStream in, int sampleRate, int chunkBytes) {
        this.in = in;
        this.sampleRate = sampleRate;
        this.buffer = new byte[chunkBytes];
    }

    /**
     * Parses the header of {@code in}; empty when the stream ends before any header byte.
     *
     * @throws IOException when the header is not a mono 16-bit PCM WAV
     */
    public static Optional<WavStream> open(InputStream in, int chunkBytes) throws IOException {
        byte[] riff = in.readNBytes(12);
        if (riff.length == 0) {
            return Optional.empty();
        }
        if (riff.length < 12 || !ascii(riff, 0).equals("RIFF") || !ascii(riff, 8).equals("WAVE")) {
            throw new IOException("not a WAV stream (no RIFF/WAVE header)");
        }
        int rate = 0;
        while (true) {
            byte[] head = in.readNBytes(8);
            if (head.length < 8) {
                throw new EOFException("WAV stream ended before its data chunk");
            }
            String id = ascii(head, 0);
            int size = ByteBuffer.wrap(head, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (id.equals("data")) {
                if (rate == 0) {
                    throw new IOException("WAV stream has no fmt chunk before its data");
                }
                return Optional.of(new WavStream(in, rate, chunkBytes));
            }
            byte[] body = in.readNBytes(size);
            if (id.equals("fmt ")) {
                ByteBuffer f = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
                short format = f.getShort(0);
                short channels = f.getShort(2);
                rate = f.getInt(4);
                short bits = f.getShort(14);
                if (format != 1 || channels != 1 || bits != 16) {
                    throw new IOException("WAV stream is not mono 16-bit PCM (format " + format + ", "
                            + channels + " channels, " + bits + " bits)");
                }
            }
        }
    }

    /** The sample rate the header declares. */
    public int sampleRate() {
        return sampleRate;
    }

    /** The next samples as they arrive (blocking), or empty at the end of the stream. */
    public Optional<short[]> next() throws IOException {
        while (true) {
            int n = in.read(buffer);
            if (n < 0) {
                return Optional.empty();
            }
            byte[] bytes = buffer;
            int off = 0;
            int len = n;
            if (carry >= 0) {
                bytes = new byte[n + 1];
                bytes[0] = (byte) carry;
                System.arraycopy(buffer, 0, bytes, 1, n);
                len = n + 1;
                carry = -1;
            }
            if (len % 2 == 1) {
                carry = bytes[off + len - 1] & 0xff;
                len--;
            }
            if (len > 0) {
                return Optional.of(Pcm.toShorts(bytes, off, len));
            }
        }
    }

    private static String ascii(byte[] b, int off) {
        return new String(b, off, 4, StandardCharsets.US_ASCII);
    }
}
