package dev.switchboard.coordinator.modes;

/**
 * Says where a key of a mode file is, for error messages of the form {@code file:line:key}.
 * Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface SourceLocator {

    /**
     * The location of a key path relative to the section this locator belongs to.
     *
     * @param keyPath dotted key path with list indexes, for example {@code nodes.start.when[0].operation};
     *     the empty string means the section itself
     * @return {@code file:line:full.key.path}; when the exact key has no line (it was defaulted), the
     *     nearest enclosing key's line
     */
    String locate(String keyPath);
}
