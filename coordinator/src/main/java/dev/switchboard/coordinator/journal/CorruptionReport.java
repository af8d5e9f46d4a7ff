package dev.switchboard.coordinator.journal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A torn or corrupt journal tail found when the journal was opened. Every record before
 * {@link #offset()} is intact and was read; nothing from {@code offset} on was replayed. Immutable.
 *
 * @param file the journal file
 * @param offset the byte offset of the first bad frame
 * @param reason why the frame is bad
 * @param detail a short explanation (sizes, expected and found checksums), free of record content
 * @param badBytes how many bytes from {@code offset} to the end of the file were not read
 * @param disposition what was done with those bytes
 */
public record CorruptionReport(
        Path file, long offset, Reason reason, String detail, long badBytes, Disposition disposition) {

    /** Why a frame was rejected. */
    public enum Reason {
        /** The file ends inside a frame header (a write was torn by a crash). */
        TRUNCATED_HEADER,
        /** The file ends inside a frame's payload (a write was torn by a crash). */
        TRUNCATED_PAYLOAD,
        /** The length field is zero, negative or above the maximum record size. */
        BAD_LENGTH,
        /** The CRC32C checksum does not match the frame's bytes. */
        CHECKSUM_MISMATCH,
        /** The checksum matches but the payload is not a record this version understands. */
        UNREADABLE_RECORD
    }

    /** What happened to the bad bytes. */
    public sealed interface Disposition permits Quarantined, LeftInPlace {
    }

    /**
     * The bad bytes were copied to {@code sideFile} (and synced), then the journal was cut back to
     * {@link #offset()} so that new records follow the last good one.
     */
    public record Quarantined(Path sideFile) implements Disposition {
        /** Validates the path. */
        public Quarantined {
            Objects.requireNonNull(sideFile, "sideFile");
        }
    }

    /** The file was opened read-only and left as it is. */
    public record LeftInPlace() implements Disposition {
    }

    /** Validates that every part is present. */
    public CorruptionReport {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(disposition, "disposition");
    }

    @Override
    public String toString() {
        String what = switch (disposition) {
            case Quarantined q -> "moved to " + q.sideFile() + "; new records follow the last good one";
            case LeftInPlace l -> "left in place (read-only)";
        };
        return "journal " + file + ": bad tail at offset " + offset + " (" + reason.name().toLowerCase(
                java.util.Locale.ROOT).replace('_', '-') + ": " + detail + "), " + badBytes + " bytes " + what;
    }
}
