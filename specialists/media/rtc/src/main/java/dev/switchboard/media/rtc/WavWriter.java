package dev.switchboard.media.rtc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes 16-bit mono PCM to a WAV file: a 44-byte header whose sizes are provisional until {@link #close()}
 * fixes them up. Not thread-safe (the caller serialises).
 */
final class WavWriter implements AutoCloseable {

    private static final int HEADER = 44;
    private final FileChannel channel;
    private final int sampleRate;
    private long samples;

    WavWriter(Path file, int sampleRate) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.sampleRate = sampleRate;
        channel.write(header(0));
    }

    void write(short[] pcm) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        buf.asShortBuffer().put(pcm);
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        samples += pcm.length;
    }

    long samples() {
        return samples;
    }

    /** Fixes the RIFF and data sizes and closes the file. */
    @Override
    public void close() throws IOException {
        try (channel) {
            channel.write(header(samples * 2), 0);
            channel.force(false);
        }
    }

    private ByteBuffer header(long dataBytes) {
        ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes));
        h.put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
        h.putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2);
        h.putShort((short) 2).putShort((short) 16);
        h.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        return h.flip();
    }
}
