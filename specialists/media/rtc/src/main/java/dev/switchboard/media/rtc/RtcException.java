package dev.switchboard.media.rtc;

import dev.switchboard.spi.SwitchboardException;

/**
 * Root of the failures the LiveKit participant reports. Messages never contain a token or a secret.
 * Immutable, thread-safe.
 */
public abstract class RtcException extends SwitchboardException {

    /** A failure with a message only. */
    protected RtcException(String message) {
        super(message);
    }

    /** A failure caused by another throwable. */
    protected RtcException(String message, Throwable cause) {
        super(message, cause);
    }
}
