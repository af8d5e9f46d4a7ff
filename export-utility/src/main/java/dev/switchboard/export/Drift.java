package dev.switchboard.export;

import java.util.Objects;

/**
 * One difference between an existing export and what the current configuration produces. Immutable.
 *
 * @param file the file, relative to the export folder
 * @param kind missing (the config would write it) or changed (its content differs)
 * @param detail the first differing line, as {@code line N: expected '…', found '…'}
 */
public record Drift(String file, Kind kind, String detail) {

    /** The kind of drift. */
    public enum Kind { MISSING, CHANGED }

    /** Validates that every part is present. */
    public Drift {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + file + (detail.isEmpty() ? "" : ": " + detail);
    }
}
