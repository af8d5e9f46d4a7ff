package dev.switchboard.spi;

/**
 * The one unchecked exception root of Switchboard. Every failure the framework throws is a
 * subclass; specialists may add their own subclasses. Messages never contain secret values.
 */
@Stable(since = "0.1")
public abstract class SwitchboardException extends RuntimeException {

    /** A failure with a message only. */
    protected SwitchboardException(String message) {
        super(message);
    }

    /** A failure caused by another throwable. */
    protected SwitchboardException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A short, stable, machine-readable code for this failure (for example {@code config_invalid}). */
    public abstract String code();
}
