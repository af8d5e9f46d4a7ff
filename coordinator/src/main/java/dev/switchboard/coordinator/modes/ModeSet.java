package dev.switchboard.coordinator.modes;

import java.util.List;
import java.util.Optional;

/**
 * The modes in force: every top-level table of every mode file (built-in defaults first, then the
 * operator's folder, whose tables replace built-in tables with the same path). Immutable.
 *
 * @param sections the tables, in load order
 */
public record ModeSet(List<ModeSection> sections) {

    /** Copies. */
    public ModeSet {
        sections = List.copyOf(sections);
    }

    /** The table at exactly {@code path} ({@code router}, {@code specialists.auth}). */
    public Optional<ModeSection> section(String path) {
        return sections.stream().filter(s -> s.path().equals(path)).reduce((a, b) -> b);
    }

    /**
     * The tables whose path starts with {@code prefix}: {@code "workflows."} gives every workflow,
     * {@code "gates["} every gate entry.
     */
    public List<ModeSection> sectionsUnder(String prefix) {
        return sections.stream().filter(s -> s.path().startsWith(prefix)).toList();
    }
}
