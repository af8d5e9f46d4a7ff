package dev.switchboard.coordinator.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.coordinator.journal.CorruptionReport.Reason;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A torn or corrupt tail is detected, reported, quarantined, and never replayed; the good part stays. */
class JournalCorruptionTest {

    @TempDir
    Path dir;
    Path file;
    /** Offsets where frames 1, 2 and 3 start, and the file's end. */
    long[] bounds = new long[4];

    @BeforeEach
    void writeThreeRecords() throws IOException {
        file = dir.resolve("journal.swj");
        try (Journal journal = Journal.open(file)) {
            bounds[0] = Files.size(file);
            journal.append(Records.started("w1", "a"));
            bounds[1] = Files.size(file);
            journal.append(Records.succeeded("w1", "a"));
            bounds[2] = Files.size(file);
            journal.append(Records.started("w1", "b"));
            bounds[3] = Files.size(file);
        }
    }

    @Test
    void aRecordCutInHalfIsQuarantinedAndAppendsContinueAfterTheLastGoodOne() throws IOException {
        long cut = bounds[2] + (bounds[3] - bounds[2]) / 2;
        truncate(cut);
        byte[] tornBytes = Arrays.copyOfRange(Files.readAllBytes(file), (int) bounds[2], (int) cut);

        try (Journal journal = Journal.open(file)) {
            CorruptionReport report = journal.corruption().orElseThrow();
            assertThat(report.offset()).isEqualTo(bounds[2]);
            assertThat(report.reason()).isEqualTo(Reason.TRUNCATED_PAYLOAD);
            assertThat(report.badBytes()).isEqualTo(cut - bounds[2]);
            Path side = ((CorruptionReport.Quarantined) report.disposition()).sideFile();
            assertThat(Files.readAllBytes(side)).isEqualTo(tornBytes);
            assertThat(report.toString()).contains("offset " + bounds[2]).contains("truncated-payload")
                    .contains(side.toString());
            assertThat(journal.records("w1").orElseThrow())
                    .containsExactly(Records.started("w1", "a"), Records.succeeded("w1", "a"));
            journal.append(Records.started("w1", "c"));
        }
        try (Journal journal = Journal.open(file)) {
            assertThat(journal.corruption()).isEmpty();
            assertThat(journal.records("w1").orElseThrow()).containsExactly(
                    Records.started("w1", "a"), Records.succeeded("w1", "a"), Records.started("w1", "c"));
        }
    }

    @Test
    void aCutInsideAFrameHeaderIsATruncatedHeader() throws IOException {
        truncate(bounds[2] + 3);
        assertThat(reportOnOpen().reason()).isEqualTo(Reason.TRUNCATED_HEADER);
    }

    @Test
    void aFlippedPayloadByteInTheLastRecordIsAChecksumMismatch() throws IOException {
        flip(bounds[3] - 2);
        CorruptionReport report = reportOnOpen();
        assertThat(report.reason()).isEqualTo(Reason.CHECKSUM_MISMATCH);
        assertThat(report.offset()).isEqualTo(bounds[2]);
        assertThat(report.detail()).contains("CRC32C expected");
    }

    @Test
    void aFlippedByteInTheMiddleStopsTheReplayThereAndNothingAfterIsReplayed() throws IOException {
        flip(bounds[1] + 12);
        try (Journal journal = Journal.open(file)) {
            CorruptionReport report = journal.corruption().orElseThrow();
            assertThat(report.offset()).isEqualTo(bounds[1]);
            assertThat(report.badBytes()).isEqualTo(bounds[3] - bounds[1]);
            assertThat(journal.records("w1").orElseThrow()).containsExactly(Records.started("w1", "a"));
        }
    }

    @Test
    void aHugeLengthFieldIsABadLength() throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(bounds[2]);
            raf.writeInt(Integer.MAX_VALUE);
        }
        assertThat(reportOnOpen().reason()).isEqualTo(Reason.BAD_LENGTH);
    }

    @Test
    void aFrameWithAGoodChecksumButAnUnknownRecordIsUnreadable() throws IOException {
        Files.write(file, Frames.frame("{\"type\":\"alien\",\"run\":\"w\",\"at\":\"x\"}".getBytes(
                StandardCharsets.UTF_8)), StandardOpenOption.APPEND);
        CorruptionReport report = reportOnOpen();
        assertThat(report.reason()).isEqualTo(Reason.UNREADABLE_RECORD);
        assertThat(report.offset()).isEqualTo(bounds[3]);
    }

    @Test
    void refuseCorruptTailLeavesTheFileUntouched() throws IOException {
        truncate(bounds[3] - 1);
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> Journal.builder(file).refuseCorruptTail().build())
                .isInstanceOf(JournalException.class).hasMessageContaining("offset " + bounds[2])
                .hasMessageContaining("refusing to open");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(sideFiles()).isEmpty();
    }

    @Test
    void aReadOnlyViewReportsTheBadTailAndChangesNothing() throws IOException {
        truncate(bounds[3] - 1);
        byte[] before = Files.readAllBytes(file);

        JournalView view = Journal.read(file);

        assertThat(view.corruption().orElseThrow().disposition()).isInstanceOf(CorruptionReport.LeftInPlace.class);
        assertThat(view.records("w1").orElseThrow()).hasSize(2);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(sideFiles()).isEmpty();
    }

    private CorruptionReport reportOnOpen() {
        try (Journal journal = Journal.open(file)) {
            return journal.corruption().orElseThrow();
        }
    }

    private List<Path> sideFiles() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().contains(".corrupt-")).toList();
        }
    }

    private void truncate(long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
    }

    private void flip(long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x40);
        }
    }
}
