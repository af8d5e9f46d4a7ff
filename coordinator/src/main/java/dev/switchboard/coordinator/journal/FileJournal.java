package dev.switchboard.coordinator.journal;

import dev.switchboard.spi.TimeSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The file-backed {@link Journal}. Appends are serialised by the write lock; syncs by
 * {@code syncLock}, so that one {@code force} covers every append written before it (group commit).
 * Thread-safe.
 */
final class FileJournal extends IndexedJournal {

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean fsync;
    private final Optional<CorruptionReport> corruption;
    private final ReentrantLock syncLock = new ReentrantLock();
    private volatile long end;
    private volatile long synced;
    private volatile boolean closed;
    private volatile String failure = "";

    private FileJournal(JournalFiles.Opened opened, boolean fsync, Redactor redactor, TimeSource time) {
        super(redactor, time, opened.index());
        this.file = opened.file();
        this.channel = opened.channel();
        this.lock = opened.lock();
        this.fsync = fsync;
        this.corruption = opened.corruption();
        this.end = opened.end();
        this.synced = opened.end();
    }

    static FileJournal open(Path file, boolean fsync, Redactor redactor, TimeSource time, boolean quarantine,
            JournalProgress progress) {
        return new FileJournal(JournalFiles.openForWriting(file, time, quarantine, progress), fsync, redactor, time);
    }

    @Override
    long store(byte[] payload, JournalRecord record) throws IOException {
        byte[] frame = Frames.frame(payload);
        long offset = end;
        Frames.writeFully(channel, ByteBuffer.wrap(frame), offset);
        end = offset + frame.length;
        return offset;
    }

    @Override
    JournalException failed(IOException e) {
        failure = "a write failed at offset " + end + " (" + e.getMessage() + ")";
        return new JournalException("journal " + file + ": " + failure, e);
    }

    @Override
    void stored() {
        if (fsync) {
            sync(end);
        }
    }

    private void sync(long upTo) {
        if (synced >= upTo) {
            return;
        }
        syncLock.lock();
        try {
            if (synced >= upTo) {
                return;
            }
            long target = end;
            channel.force(false);
            synced = target;
        } catch (IOException e) {
            failure = "fsync failed (" + e.getMessage() + ")";
            throw new JournalException("journal " + file + ": " + failure, e);
        } finally {
            syncLock.unlock();
        }
    }

    @Override
    void ensureWritable() {
        if (closed) {
            throw new JournalException("journal " + file + " is closed");
        }
        if (!failure.isEmpty()) {
            throw new JournalException("journal " + file + " refuses appends because " + failure
                    + "; reopen it to recover the last good record");
        }
    }

    @Override
    JournalRecord readAt(long position) throws IOException {
        return Frames.readAt(channel, position);
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public boolean fsync() {
        return fsync;
    }

    @Override
    public Optional<CorruptionReport> corruption() {
        return corruption;
    }

    @Override
    public void close() {
        locked(() -> {
            if (!closed) {
                closed = true;
                JournalFiles.release(channel, lock);
            }
        });
    }

    @Override
    public String toString() {
        return "Journal[" + file + ", fsync=" + fsync + "]";
    }
}
