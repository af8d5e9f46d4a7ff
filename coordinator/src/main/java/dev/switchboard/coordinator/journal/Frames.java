package dev.switchboard.coordinator.journal;

import dev.switchboard.coordinator.journal.CorruptionReport.Reason;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The on-disk framing. A journal file starts with the 8-byte header {@code SWJRNL\0\1}; then come
 * frames: a big-endian int32 payload length, a big-endian int32 CRC32C over the length's four bytes
 * and the payload, then the payload (one UTF-8 JSON record). Stateless, thread-safe.
 */
final class Frames {

    static final byte[] HEADER = "SWJRNL\0\1".getBytes(StandardCharsets.ISO_8859_1);
    static final int FRAME_HEADER = 8;
    static final int MAX_PAYLOAD = 16 * 1024 * 1024;
    private static final long PROGRESS_STEP = 1 << 20;

    /** A record read from the file at {@code offset}. */
    record Located(long offset, JournalRecord record) {
    }

    /** The first bad frame: where, why, and a detail. */
    record Bad(long offset, Reason reason, String detail) {
    }

    /** Everything readable, where the readable part ends, and the bad frame that stopped the scan. */
    record Scan(List<Located> records, long validEnd, Optional<Bad> bad) {
    }

    private Frames() {
    }

    static byte[] frame(byte[] payload) {
        if (payload.length > MAX_PAYLOAD) {
            throw new JournalException("a journal record of " + payload.length + " bytes exceeds the "
                    + MAX_PAYLOAD + "-byte limit");
        }
        ByteBuffer buf = ByteBuffer.allocate(FRAME_HEADER + payload.length);
        buf.putInt(payload.length).putInt(checksum(payload.length, payload)).put(payload);
        return buf.array();
    }

    static int checksum(int length, byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(4).putInt(0, length));
        crc.update(payload);
        return (int) crc.getValue();
    }

    /** Reads every good frame after the file header, stopping at the first bad one. */
    static Scan scan(FileChannel channel, long size, JournalProgress progress) throws IOException {
        List<Located> records = new ArrayList<>();
        long reported = 0;
        long offset = HEADER.length;
        InputStream in = new BufferedInputStream(Channels.newInputStream(channel.position(offset)), 1 << 16);
        byte[] head = new byte[FRAME_HEADER];
        while (offset < size) {
            long remaining = size - offset;
            if (remaining < FRAME_HEADER) {
                return new Scan(records, offset, Optional.of(new Bad(offset, Reason.TRUNCATED_HEADER,
                        "only " + remaining + " of " + FRAME_HEADER + " header bytes")));
            }
            in.readNBytes(head, 0, FRAME_HEADER);
            ByteBuffer h = ByteBuffer.wrap(head);
            int length = h.getInt();
            int expected = h.getInt();
            if (length <= 0 || length > MAX_PAYLOAD) {
                return new Scan(records, offset, Optional.of(new Bad(offset, Reason.BAD_LENGTH,
                        "length field " + length)));
            }
            if (remaining - FRAME_HEADER < length) {
                return new Scan(records, offset, Optional.of(new Bad(offset, Reason.TRUNCATED_PAYLOAD,
                        "only " + (remaining - FRAME_HEADER) + " of " + length + " payload bytes")));
            }
            byte[] payload = in.readNBytes(length);
            if (payload.length != length) {
                throw new EOFException("journal shrank while it was read");
            }
            int actual = checksum(length, payload);
            if (actual != expected) {
                return new Scan(records, offset, Optional.of(new Bad(offset, Reason.CHECKSUM_MISMATCH,
                        String.format("CRC32C expected %08x, computed %08x over %d bytes", expected, actual, length))));
            }
            try {
                records.add(new Located(offset, RecordCodec.decode(payload)));
            } catch (IllegalArgumentException e) {
                return new Scan(records, offset,
                        Optional.of(new Bad(offset, Reason.UNREADABLE_RECORD, e.getMessage())));
            }
            offset += FRAME_HEADER + length;
            if (offset - reported >= PROGRESS_STEP) {
                reported = offset;
                progress.reading(offset, size);
            }
        }
        progress.reading(offset, size);
        return new Scan(records, offset, Optional.empty());
    }

    /** Reads the (already validated) frame at {@code offset}. */
    static JournalRecord readAt(FileChannel channel, long offset) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(FRAME_HEADER);
        readFully(channel, head, offset);
        int length = head.getInt(0);
        if (length <= 0 || length > MAX_PAYLOAD) {
            throw new JournalException("journal frame at offset " + offset + " changed since it was indexed");
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        readFully(channel, payload, offset + FRAME_HEADER);
        if (checksum(length, payload.array()) != head.getInt(4)) {
            throw new JournalException("journal frame at offset " + offset + " changed since it was indexed");
        }
        return RecordCodec.decode(payload.array());
    }

    static void readFully(FileChannel channel, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, pos);
            if (n < 0) {
                throw new EOFException("unexpected end of journal at offset " + pos);
            }
            pos += n;
        }
    }

    static void writeFully(FileChannel channel, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            pos += channel.write(buf, pos);
        }
    }
}
