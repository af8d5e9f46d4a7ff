package dev.switchboard.media.rtc;

import dev.switchboard.spi.FailureCode;

/**
 * The session cannot do what was asked in its current state: it is closed, the server sent something
 * the protocol does not allow, or WebRTC rejected a description. Immutable.
 */
public final class RtcStateException extends RtcException {

    RtcStateException(String message) {
        super(message);
    }

    RtcStateException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return FailureCode.CONFLICT;
    }
}
