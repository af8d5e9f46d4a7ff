package dev.switchboard.coordinator.journal;

import dev.switchboard.spi.TimeSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

/** Opening, checking, scanning and quarantining journal files. Stateless, thread-safe. */
final class JournalFiles {

    private static final System.Logger LOG = System.getLogger(Journal.class.getName());

    /** An opened, scanned journal file. */
    record Opened(Path file, FileChannel channel, FileLock lock, RunIndex index, long end,
            Optional<CorruptionReport> corruption) {
    }

    private JournalFiles() {
    }

    static Opened openForWriting(Path path, TimeSource time, boolean quarantine, JournalProgress progress) {
        Path file = path.toAbsolutePath();
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            boolean created = Files.notExists(file);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = lock(channel, file);
            long size = channel.size();
            if (size < Frames.HEADER.length) {
                requireHeaderPrefix(channel, file, size);
                channel.truncate(0);
                Frames.writeFully(channel, ByteBuffer.wrap(Frames.HEADER), 0);
                channel.force(true);
                if (created) {
                    syncDirectory(file.getParent());
                }
                size = Frames.HEADER.length;
            } else {
                requireHeader(channel, file);
            }
            Frames.Scan scan = Frames.scan(channel, size, progress);
            Optional<CorruptionReport> report = Optional.empty();
            if (scan.bad().isPresent()) {
                report = Optional.of(handleBadTail(channel, file, size, scan.bad().get(), time, quarantine));
            }
            return new Opened(file, channel, lock, index(scan), scan.validEnd(), report);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new JournalException("cannot open journal " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Reads {@code path} without locking or changing it. */
    static Opened openReadOnly(Path path) {
        Path file = path.toAbsolutePath();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < Frames.HEADER.length) {
                requireHeaderPrefix(channel, file, size);
                return new Opened(file, channel, null, new RunIndex(), size, Optional.empty());
            }
            requireHeader(channel, file);
            Frames.Scan scan = Frames.scan(channel, size, JournalProgress.NONE);
            Optional<CorruptionReport> report = scan.bad().map(b -> new CorruptionReport(file, b.offset(),
                    b.reason(), b.detail(), size - b.offset(), new CorruptionReport.LeftInPlace()));
            return new Opened(file, channel, null, index(scan), scan.validEnd(), report);
        } catch (IOException e) {
            throw new JournalException("cannot read journal " + file + ": " + e.getMessage(), e);
        }
    }

    private static RunIndex index(Frames.Scan scan) {
        RunIndex index = new RunIndex();
        scan.records().forEach(l -> index.add(l.record(), l.offset()));
        return index;
    }

    private static FileLock lock(FileChannel channel, Path file) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new JournalException("journal " + file + " is in use by another process (or already open in"
                    + " this one); use a read-only view to inspect it");
        }
        return lock;
    }

    private static CorruptionReport handleBadTail(FileChannel channel, Path file, long size, Frames.Bad bad,
            TimeSource time, boolean quarantine) throws IOException {
        long badBytes = size - bad.offset();
        if (!quarantine) {
            CorruptionReport report = new CorruptionReport(file, bad.offset(), bad.reason(), bad.detail(),
                    badBytes, new CorruptionReport.LeftInPlace());
            throw new JournalException(report + "; refusing to open (refuseCorruptTail is set)");
        }
        Path side = file.resolveSibling(file.getFileName() + ".corrupt-" + bad.offset() + "-"
                + time.now().toEpochMilli());
        ByteBuffer tail = ByteBuffer.allocate(Math.toIntExact(Math.min(badBytes, Integer.MAX_VALUE - 8)));
        Frames.readFully(channel, tail, bad.offset());
        tail.flip();
        try (FileChannel out = FileChannel.open(side, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            Frames.writeFully(out, tail, 0);
            out.force(true);
        }
        syncDirectory(file.getParent());
        channel.truncate(bad.offset());
        channel.force(true);
        CorruptionReport report = new CorruptionReport(file, bad.offset(), bad.reason(), bad.detail(), badBytes,
                new CorruptionReport.Quarantined(side));
        LOG.log(System.Logger.Level.WARNING, report.toString());
        return report;
    }

    private static void requireHeaderPrefix(FileChannel channel, Path file, long size) throws IOException {
        ByteBuffer head = ByteBuffer.allocate((int) size);
        Frames.readFully(channel, head, 0);
        if (!Arrays.equals(head.array(), Arrays.copyOf(Frames.HEADER, (int) size))) {
            throw new JournalException(file + " is not a Switchboard journal (bad file header)");
        }
    }

    private static void requireHeader(FileChannel channel, Path file) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(Frames.HEADER.length);
        Frames.readFully(channel, head, 0);
        if (!Arrays.equals(head.array(), Frames.HEADER)) {
            throw new JournalException(file + " is not a Switchboard journal (bad file header)");
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the file itself is synced
            LOG.log(System.Logger.Level.DEBUG, "cannot sync directory " + dir + ": " + e.getMessage());
        }
    }

    static void release(FileChannel channel, FileLock lock) {
        try {
            lock.release();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot release journal lock: " + e.getMessage());
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot close journal channel: " + e.getMessage());
        }
    }
}
