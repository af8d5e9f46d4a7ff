package dev.switchboard.media.rtc;

import dev.switchboard.spi.FailureCode;

/**
 * The server answered but refused the join: an HTTP error on the WebSocket upgrade (401 bad or expired
 * token, 403 not allowed, 404 room missing) or a {@code leave} as its first message (room full, duplicate
 * identity...). Immutable, thread-safe.
 */
public final class JoinRefusedException extends RtcException {

    private final int httpStatus;
    private final String reason;

    JoinRefusedException(int httpStatus, String reason) {
        super(httpStatus > 0
                ? "LiveKit refused the join with HTTP " + httpStatus + ": " + reason
                : "LiveKit refused the join: " + reason);
        this.httpStatus = httpStatus;
        this.reason = reason;
    }

    /** The HTTP status of the refused upgrade, or 0 when the server refused after the upgrade. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The server's reason, as it sent it (secrets stripped). */
    public String reason() {
        return reason;
    }

    @Override
    public String code() {
        return switch (httpStatus) {
            case 401, 403 -> FailureCode.PERMISSION_DENIED;
            case 404 -> FailureCode.NOT_FOUND;
            default -> FailureCode.UNAVAILABLE;
        };
    }
}
