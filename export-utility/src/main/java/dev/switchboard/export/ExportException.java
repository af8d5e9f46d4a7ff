package dev.switchboard.export;

import dev.switchboard.spi.SwitchboardException;

/**
 * An export could not be made or written: an unwritable folder, or (a bug) a secret value found in
 * the output, which is then not written. The message never contains a secret value.
 */
public final class ExportException extends SwitchboardException {

    ExportException(String message) {
        super(message);
    }

    ExportException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "export_failed";
    }
}
