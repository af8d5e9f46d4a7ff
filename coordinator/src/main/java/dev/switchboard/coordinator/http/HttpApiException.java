package dev.switchboard.coordinator.http;

import dev.switchboard.spi.SwitchboardException;

/**
 * The HTTP API could not start or stop: the address is taken, the webhook state folder is not
 * writable. Messages never contain secret values.
 */
public final class HttpApiException extends SwitchboardException {

    /** A failure with its cause. */
    public HttpApiException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "http_unavailable";
    }
}
