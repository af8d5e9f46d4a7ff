package dev.switchboard.coordinator.journal;

import dev.switchboard.spi.Compensation;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.TimeSource;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The durable write-ahead journal: an append-only file of length-prefixed, CRC32C-checksummed JSON
 * records, synced to disk before {@link #append} returns (unless fsync is turned off). One process at
 * a time may open a file for writing (an OS file lock guards it); {@link #read} opens it read-only.
 *
 * <p>Opening scans the file. A torn or corrupt tail is never replayed: it is reported through
 * {@link #corruption()} and logged, its bytes are copied to a side file next to the journal
 * ({@code NAME.corrupt-OFFSET-MILLIS}), and the journal is cut back to the last good record so new
 * records follow it. With {@link Builder#refuseCorruptTail()} opening fails instead and the file is
 * left untouched.
 *
 * <p>Thread-safe: any number of threads (virtual or platform) may append and read concurrently;
 * concurrent appenders share one fsync when they arrive together (group commit).
 */
public interface Journal extends JournalView, AutoCloseable {

    /** A builder for a journal at {@code file} (created, with its parent folders, when absent). */
    static Builder builder(Path file) {
        return new Builder(file);
    }

    /** Opens {@code file} for writing with the defaults: fsync on, standard redaction, quarantine. */
    static Journal open(Path file) {
        return builder(file).build();
    }

    /**
     * A journal kept in memory (standard redaction, no file, nothing survives the process): for
     * embedded use without a journal file and for tests. {@link #file()} is a placeholder path.
     */
    static Journal inMemory() {
        return new MemoryJournal(Redactor.standard(), TimeSource.system());
    }

    /**
     * Opens {@code file} read-only: no lock, no quarantine (a bad tail is reported as left in place).
     * The view is a snapshot of the file as it was when read.
     *
     * @throws JournalException when the file is missing, unreadable or not a journal
     */
    static JournalView read(Path file) {
        return ReadOnlyJournal.read(file);
    }

    /**
     * Writes one record (redacted) and, with fsync on, forces it to disk before returning.
     *
     * @throws JournalException when the write fails; the journal then refuses further appends
     */
    void append(JournalRecord record);

    /**
     * Journals that a single {@code execute} is about to run: a {@code step-started} record whose run id is
     * the request id and whose step id is {@code execute}.
     *
     * @param plan how the operation's effect would be undone
     * @param idempotent whether the operation may be replayed with the same idempotency key
     */
    void executeStarted(OperationRequest request, Compensation plan, boolean idempotent);

    /** Journals how a single {@code execute} ended ({@code step-succeeded} or {@code step-failed}). */
    void executeDone(OperationRequest request, OperationResult result);

    /** Whether {@link #append} syncs to disk. */
    boolean fsync();

    /** Releases the file and its lock. Idempotent; appends after close fail. */
    @Override
    void close();

    /** Configures a journal; not thread-safe. */
    final class Builder {
        private final Path file;
        private boolean fsync = true;
        private Redactor redactor = Redactor.standard();
        private TimeSource time = TimeSource.system();
        private boolean quarantine = true;
        private JournalProgress progress = JournalProgress.NONE;

        private Builder(Path file) {
            this.file = Objects.requireNonNull(file, "file");
        }

        /** Whether each append is forced to disk before it returns. Default {@code true}. */
        public Builder fsync(boolean value) {
            this.fsync = value;
            return this;
        }

        /** The redactor every tree passes through before it is written. Default {@link Redactor#standard()}. */
        public Builder redactor(Redactor value) {
            this.redactor = Objects.requireNonNull(value, "redactor");
            return this;
        }

        /** The time source for the records the journal writes itself and for side-file names. */
        public Builder time(TimeSource value) {
            this.time = Objects.requireNonNull(value, "time");
            return this;
        }

        /** Who hears how far reading the file has got. Default {@link JournalProgress#NONE}. */
        public Builder progress(JournalProgress value) {
            this.progress = Objects.requireNonNull(value, "progress");
            return this;
        }

        /** Fail to open (with the report in the message) instead of quarantining a bad tail. */
        public Builder refuseCorruptTail() {
            this.quarantine = false;
            return this;
        }

        /**
         * Opens the journal.
         *
         * @throws JournalException when the file is locked by another process, is not a journal, cannot
         *     be read or written, or has a bad tail and {@link #refuseCorruptTail()} was set
         */
        public Journal build() {
            return FileJournal.open(file, fsync, redactor, time, quarantine, progress);
        }
    }
}
