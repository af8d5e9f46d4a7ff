package dev.switchboard.spi;

import java.util.Objects;

/**
 * One reason a request was refused or an effect was not verified.
 *
 * @param code stable machine-readable code, for example {@code schema.required}
 * @param path JSON path into the request parameters ({@code $.room.name}), or {@code $} for the whole request
 * @param message what is wrong, in plain words
 * @param hint what to do about it; empty when there is nothing useful to add
 */
@Stable(since = "0.1")
public record Violation(String code, String path, String message, String hint) {

    /** Validates that every part is present. */
    public Violation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
    }

    /** A violation without a hint. */
    public static Violation of(String code, String path, String message) {
        return new Violation(code, path, message, "");
    }

    @Override
    public String toString() {
        return path + ": " + message + " [" + code + "]" + (hint.isEmpty() ? "" : " (" + hint + ")");
    }
}
