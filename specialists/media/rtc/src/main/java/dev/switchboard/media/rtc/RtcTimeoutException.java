package dev.switchboard.media.rtc;

import dev.switchboard.spi.FailureCode;

/** A step (join, track publication, negotiation, ping) did not finish within its deadline. Immutable. */
public final class RtcTimeoutException extends RtcException {

    RtcTimeoutException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return FailureCode.DEADLINE_EXCEEDED;
    }
}
