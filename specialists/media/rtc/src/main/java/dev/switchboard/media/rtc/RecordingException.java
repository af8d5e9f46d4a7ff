package dev.switchboard.media.rtc;

import dev.switchboard.spi.FailureCode;

/**
 * A recording could not be started or written (directory, WAV file or manifest). The message names the file.
 * Immutable, thread-safe.
 */
public final class RecordingException extends RtcException {

    private static final long serialVersionUID = 1L;
    private final String code;

    /** A refusal described by {@code message} (code {@code conflict}). */
    public RecordingException(String message) {
        super("recording: " + message);
        this.code = FailureCode.CONFLICT;
    }

    /** A failure writing {@code what} (code {@code internal}). */
    public RecordingException(String what, Throwable cause) {
        super("recording: cannot write " + what + ": " + cause.getMessage(), cause);
        this.code = FailureCode.INTERNAL;
    }

    @Override
    public String code() {
        return code;
    }
}
