package dev.switchboard.coordinator.journal;

import dev.switchboard.spi.TimeSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A journal kept in memory: same records, redaction, listing and key lookups as the file journal, but
 * nothing survives the process. Thread-safe.
 */
final class MemoryJournal extends IndexedJournal {

    static final Path NO_FILE = Path.of("(in-memory journal)");

    private final List<JournalRecord> records = new ArrayList<>();
    private volatile boolean closed;

    MemoryJournal(Redactor redactor, TimeSource time) {
        super(redactor, time, new RunIndex());
    }

    @Override
    long store(byte[] payload, JournalRecord record) {
        synchronized (records) {
            records.add(RecordCodec.decode(payload));
            return records.size() - 1L;
        }
    }

    @Override
    JournalRecord readAt(long position) {
        synchronized (records) {
            return records.get(Math.toIntExact(position));
        }
    }

    @Override
    void ensureWritable() {
        if (closed) {
            throw new JournalException("the in-memory journal is closed");
        }
    }

    @Override
    void stored() {
        // nothing to sync
    }

    @Override
    JournalException failed(java.io.IOException e) {
        return new JournalException("the in-memory journal cannot fail to store", e);
    }

    @Override
    public Path file() {
        return NO_FILE;
    }

    @Override
    public boolean fsync() {
        return false;
    }

    @Override
    public Optional<CorruptionReport> corruption() {
        return Optional.empty();
    }

    @Override
    public void close() {
        closed = true;
    }
}
