package dev.switchboard.coordinator.modes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.ConfigException;
import java.util.Objects;

/**
 * One top-level table of one mode file ({@code [router]}, {@code [workflows.session-start]},
 * {@code [specialists.auth]}, one {@code [[gates]]} entry…) with the means to locate its keys.
 * Immutable; the tree is copied in and is read-only by contract.
 *
 * @param file the file name as shown to operators ({@code modes/coordinator.toml})
 * @param path the table's dotted key path ({@code workflows.session-start}, {@code gates[2]})
 * @param tree the table's content as a JSON tree
 * @param locator locates keys inside this table
 */
public record ModeSection(String file, String path, ObjectNode tree, SourceLocator locator) {

    /** Validates and copies. */
    public ModeSection {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        tree = Objects.requireNonNull(tree, "tree").deepCopy();
        Objects.requireNonNull(locator, "locator");
    }

    /** A {@link ConfigException} located at {@code keyPath} inside this section. */
    public ConfigException invalid(String keyPath, String message) {
        return new ConfigException(locator.locate(keyPath), message);
    }
}
