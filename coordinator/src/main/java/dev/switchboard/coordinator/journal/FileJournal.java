package dev.switchboard.coordinator.journal;

import dev.switchboard.spi.Compensation;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.TimeSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The file-backed {@link Journal}. Appends are serialised by {@code writeLock}; syncs by
 * {@code syncLock}, so that one {@code force} covers every append written before it (group commit).
 * Thread-safe.
 */
final class FileJournal implements Journal {

    private static final String EXECUTE_STEP = "execute";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean fsync;
    private final Redactor redactor;
    private final TimeSource time;
    private final RunIndex index;
    private final Optional<CorruptionReport> corruption;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock syncLock = new ReentrantLock();
    private volatile long end;
    private volatile long synced;
    private volatile boolean closed;
    private volatile String failure = "";

    private FileJournal(JournalFiles.Opened opened, boolean fsync, Redactor redactor, TimeSource time) {
        this.file = opened.file();
        this.channel = opened.channel();
        this.lock = opened.lock();
        this.fsync = fsync;
        this.redactor = redactor;
        this.time = time;
        this.index = opened.index();
        this.corruption = opened.corruption();
        this.end = opened.end();
        this.synced = opened.end();
    }

    static FileJournal open(Path file, boolean fsync, Redactor redactor, TimeSource time, boolean quarantine) {
        return new FileJournal(JournalFiles.openForWriting(file, time, quarantine), fsync, redactor, time);
    }

    @Override
    public void append(JournalRecord record) {
        byte[] frame = Frames.frame(RecordCodec.encode(record, redactor));
        long written;
        writeLock.lock();
        try {
            ensureWritable();
            long offset = end;
            try {
                Frames.writeFully(channel, ByteBuffer.wrap(frame), offset);
            } catch (IOException e) {
                failure = "a write failed at offset " + offset + " (" + e.getMessage() + ")";
                throw new JournalException("journal " + file + ": " + failure, e);
            }
            index.add(record, offset);
            end = offset + frame.length;
            written = end;
        } finally {
            writeLock.unlock();
        }
        if (fsync) {
            sync(written);
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

    private void ensureWritable() {
        if (closed) {
            throw new JournalException("journal " + file + " is closed");
        }
        if (!failure.isEmpty()) {
            throw new JournalException("journal " + file + " refuses appends because " + failure
                    + "; reopen it to recover the last good record");
        }
    }

    @Override
    public void executeStarted(OperationRequest request, Compensation plan, boolean idempotent) {
        String compensation = plan instanceof Compensation.ByOperation by ? by.operation() : "";
        append(new JournalRecord.StepStarted(request.requestId(), EXECUTE_STEP, request.operation(),
                request.idempotencyKey().orElse(request.requestId()), request.params(), compensation, idempotent,
                time.now()));
    }

    @Override
    public void executeDone(OperationRequest request, OperationResult result) {
        append(switch (result) {
            case OperationResult.Success s -> new JournalRecord.StepSucceeded(
                    request.requestId(), EXECUTE_STEP, s.payload(), s.compensation(), time.now());
            case OperationResult.Failure f -> new JournalRecord.StepFailed(
                    request.requestId(), EXECUTE_STEP, f.code(), f.message(), time.now());
        });
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
    public List<RunSummary> runs() {
        writeLock.lock();
        try {
            return index.summaries();
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public Optional<List<JournalRecord>> records(String runId) {
        Optional<List<Long>> offsets;
        writeLock.lock();
        try {
            offsets = index.offsets(runId);
        } finally {
            writeLock.unlock();
        }
        if (offsets.isEmpty()) {
            return Optional.empty();
        }
        List<JournalRecord> out = new ArrayList<>(offsets.get().size());
        try {
            for (long offset : offsets.get()) {
                out.add(Frames.readAt(channel, offset));
            }
        } catch (IOException e) {
            throw new JournalException("journal " + file + ": cannot read run " + runId, e);
        }
        return Optional.of(out);
    }

    @Override
    public List<JournalRecord.DeadLettered> deadLetters() {
        writeLock.lock();
        try {
            return index.deadLetters();
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public Optional<CorruptionReport> corruption() {
        return corruption;
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            JournalFiles.release(channel, lock);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public String toString() {
        return "Journal[" + file + ", fsync=" + fsync + "]";
    }
}
