package dev.switchboard.coordinator.journal;

import dev.switchboard.spi.SwitchboardException;

/**
 * The journal could not be opened, read or written (I/O error, locked by another process, not a
 * journal file, corrupt tail refused). Messages name the file, never a record's content.
 */
public final class JournalException extends SwitchboardException {

    /** A journal failure with a message. */
    public JournalException(String message) {
        super(message);
    }

    /** A journal failure caused by an I/O error. */
    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "journal_failed";
    }
}
