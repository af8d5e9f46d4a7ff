package dev.switchboard.coordinator.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A read-only snapshot of a journal file; reopens the file to read a run's records. Thread-safe. */
final class ReadOnlyJournal implements JournalView {

    private final JournalFiles.Opened opened;

    private ReadOnlyJournal(JournalFiles.Opened opened) {
        this.opened = opened;
    }

    static ReadOnlyJournal read(Path file) {
        return new ReadOnlyJournal(JournalFiles.openReadOnly(file));
    }

    @Override
    public Path file() {
        return opened.file();
    }

    @Override
    public synchronized List<RunSummary> runs() {
        return opened.index().summaries();
    }

    @Override
    public Optional<List<JournalRecord>> records(String runId) {
        Optional<List<Long>> offsets;
        synchronized (this) {
            offsets = opened.index().offsets(runId);
        }
        if (offsets.isEmpty()) {
            return Optional.empty();
        }
        List<JournalRecord> out = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(opened.file(), StandardOpenOption.READ)) {
            for (long offset : offsets.get()) {
                out.add(Frames.readAt(channel, offset));
            }
        } catch (IOException e) {
            throw new JournalException("cannot read journal " + opened.file() + ": " + e.getMessage(), e);
        }
        return Optional.of(out);
    }

    @Override
    public Optional<KeyedStep> succeeded(String idempotencyKey) {
        Optional<long[]> positions;
        synchronized (this) {
            positions = opened.index().succeededWithKey(idempotencyKey);
        }
        if (positions.isEmpty()) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(opened.file(), StandardOpenOption.READ)) {
            return Optional.of(new KeyedStep((JournalRecord.StepStarted) Frames.readAt(channel, positions.get()[0]),
                    (JournalRecord.StepSucceeded) Frames.readAt(channel, positions.get()[1])));
        } catch (IOException e) {
            throw new JournalException("cannot read journal " + opened.file() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<JournalRecord.DeadLettered> deadLetters() {
        return opened.index().deadLetters();
    }

    @Override
    public Optional<CorruptionReport> corruption() {
        return opened.corruption();
    }
}
