package dev.switchboard.coordinator.plugins;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a load or reload of the plugin host found: one entry per plugin JAR (and one per classpath
 * specialist), in load order. Immutable, thread-safe.
 *
 * @param entries every source the host looked at, in the order it looked at them
 */
public record PluginReport(List<Entry> entries) {

    /** Copies the entries. */
    public PluginReport {
        entries = List.copyOf(entries);
    }

    /** Whether a source was taken into the catalog or refused. */
    public enum State {
        /** Its specialists run and its operations are in the catalog. */
        LOADED,
        /** Nothing of it is used; {@link Entry#reason()} says why. */
        REFUSED
    }

    /**
     * One plugin JAR or classpath specialist.
     *
     * @param source the JAR's file name ({@code room.jar}) or {@code classpath}
     * @param pluginId the PF4J plugin id, or the specialist's class name for classpath specialists;
     *     empty when the JAR is too broken to tell
     * @param state loaded or refused
     * @param reason why it was refused, in plain words; empty when loaded
     * @param operations the operation names it contributes, in declaration order (empty when refused)
     * @param warnings things that work but should be fixed (for example a bundled copy of the SPI)
     */
    public record Entry(
            String source,
            String pluginId,
            State state,
            String reason,
            List<String> operations,
            List<String> warnings) {

        /** Validates and copies. */
        public Entry {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(pluginId, "pluginId");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(reason, "reason");
            operations = List.copyOf(operations);
            warnings = List.copyOf(warnings);
        }

        static Entry loaded(String source, String pluginId, List<String> operations, List<String> warnings) {
            return new Entry(source, pluginId, State.LOADED, "", operations, warnings);
        }

        static Entry refused(String source, String pluginId, String reason, List<String> warnings) {
            return new Entry(source, pluginId, State.REFUSED, reason, List.of(), warnings);
        }

        /** One line for {@code plugins list} and logs. */
        @Override
        public String toString() {
            String id = pluginId.isEmpty() ? "" : " (" + pluginId + ")";
            return state == State.LOADED
                    ? source + id + ": loaded " + operations
                    : source + id + ": refused: " + reason;
        }
    }

    /** The entries that were loaded. */
    public List<Entry> loaded() {
        return entries.stream().filter(e -> e.state() == State.LOADED).toList();
    }

    /** The entries that were refused. */
    public List<Entry> refused() {
        return entries.stream().filter(e -> e.state() == State.REFUSED).toList();
    }

    /** The first entry for {@code source} (a JAR file name or {@code classpath}). */
    public Optional<Entry> entry(String source) {
        return entries.stream().filter(e -> e.source().equals(source)).findFirst();
    }

    /** One line per entry. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        entries.forEach(e -> out.append(e).append('\n'));
        return out.toString();
    }
}
