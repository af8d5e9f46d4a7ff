package dev.switchboard.coordinator.journal;

import dev.switchboard.spi.Compensation;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.TimeSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What every writable journal shares: redaction, the run index, the write lock and the read side.
 * Subclasses store encoded records and read them back by position. Thread-safe.
 */
abstract class IndexedJournal implements Journal {

    static final String EXECUTE_STEP = "execute";

    private final Redactor redactor;
    private final TimeSource time;
    private final RunIndex index;
    private final ReentrantLock lock = new ReentrantLock();

    IndexedJournal(Redactor redactor, TimeSource time, RunIndex index) {
        this.redactor = redactor;
        this.time = time;
        this.index = index;
    }

    /** Stores one encoded record (under the write lock); returns its position. */
    abstract long store(byte[] payload, JournalRecord record) throws IOException;

    /** Reads the record stored at {@code position}. */
    abstract JournalRecord readAt(long position) throws IOException;

    /** Throws when appends are no longer possible (closed, failed). Called under the write lock. */
    abstract void ensureWritable();

    /** Called after the record is stored and indexed, outside the lock (fsync goes here). */
    abstract void stored();

    /** Called when {@link #store} threw; the journal should refuse further appends. */
    abstract JournalException failed(IOException e);

    @Override
    public void append(JournalRecord record) {
        byte[] payload = RecordCodec.encode(record, redactor);
        lock.lock();
        try {
            ensureWritable();
            long position;
            try {
                position = store(payload, record);
            } catch (IOException e) {
                throw failed(e);
            }
            index.add(record, position);
        } finally {
            lock.unlock();
        }
        stored();
    }

    @Override
    public void executeStarted(OperationRequest request, Compensation plan, boolean idempotent) {
        String compensation = plan instanceof Compensation.ByOperation by ? by.operation() : "";
        append(new JournalRecord.StepStarted(request.requestId(), EXECUTE_STEP, request.operation(),
                request.idempotencyKey().orElse(""), request.params(), compensation, idempotent, time.now()));
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
    public List<RunSummary> runs() {
        lock.lock();
        try {
            return index.summaries();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<List<JournalRecord>> records(String runId) {
        Optional<List<Long>> positions;
        lock.lock();
        try {
            positions = index.offsets(runId);
        } finally {
            lock.unlock();
        }
        if (positions.isEmpty()) {
            return Optional.empty();
        }
        List<JournalRecord> out = new ArrayList<>(positions.get().size());
        for (long position : positions.get()) {
            out.add(read(position));
        }
        return Optional.of(out);
    }

    @Override
    public Optional<KeyedStep> succeeded(String idempotencyKey) {
        Optional<long[]> positions;
        lock.lock();
        try {
            positions = index.succeededWithKey(idempotencyKey);
        } finally {
            lock.unlock();
        }
        return positions.map(p -> new KeyedStep((JournalRecord.StepStarted) read(p[0]),
                (JournalRecord.StepSucceeded) read(p[1])));
    }

    @Override
    public List<JournalRecord.DeadLettered> deadLetters() {
        lock.lock();
        try {
            return index.deadLetters();
        } finally {
            lock.unlock();
        }
    }

    private JournalRecord read(long position) {
        try {
            return readAt(position);
        } catch (IOException e) {
            throw new JournalException("journal " + file() + ": cannot read the record at " + position, e);
        }
    }

    /** Runs {@code action} under the write lock (closing). */
    void locked(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }
}
