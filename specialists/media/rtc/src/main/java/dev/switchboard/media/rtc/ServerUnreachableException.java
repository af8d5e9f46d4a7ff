package dev.switchboard.media.rtc;

import dev.switchboard.spi.FailureCode;

/** The LiveKit server could not be reached (connection refused, DNS, TLS, closed socket). Immutable. */
public final class ServerUnreachableException extends RtcException {

    ServerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return FailureCode.UNAVAILABLE;
    }
}
