package dev.switchboard.media.rtc.worker;

import dev.switchboard.media.rtc.RtcException;

/**
 * The worker could not register on {@code /agent}: refused credentials, server unreachable, or no
 * answer in time. Messages never contain a token or a secret. Immutable, thread-safe.
 */
public final class WorkerRegistrationException extends RtcException {

    private final int httpStatus;

    WorkerRegistrationException(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    WorkerRegistrationException(String message) {
        super(message);
        this.httpStatus = 0;
    }

    /** The HTTP status of a refused WebSocket upgrade (401 for bad credentials), 0 when none. */
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public String code() {
        return httpStatus == 401 || httpStatus == 403 ? "permission_denied" : "unavailable";
    }
}
