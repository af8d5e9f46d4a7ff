package dev.switchboard.media.rtc;

import dev.switchboard.spi.FailureCode;

/**
 * A data message is larger than a data channel carries safely ({@link RoomSession#MAX_DATA_BYTES}); libwebrtc
 * would otherwise close the channel silently. Immutable.
 */
public final class DataTooLargeException extends RtcException {

    DataTooLargeException(int size, int limit) {
        super("data message of " + size + " bytes exceeds the limit of " + limit + " bytes");
    }

    @Override
    public String code() {
        return FailureCode.INVALID_REQUEST;
    }
}
