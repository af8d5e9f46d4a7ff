package dev.switchboard.testkit.livekit;

import dev.switchboard.spi.SwitchboardException;

/**
 * A {@code livekit-server} could not be found, started or reached: the binary is missing, the
 * network namespace needs root, the server exited or never answered. The message says which and
 * what to do; it never contains the API secret. Immutable.
 */
public final class LiveKitUnavailableException extends SwitchboardException {

    /** A failure explained by {@code message}. */
    public LiveKitUnavailableException(String message) {
        super(message);
    }

    /** A failure explained by {@code message}, caused by {@code cause}. */
    public LiveKitUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "livekit_unavailable";
    }
}
