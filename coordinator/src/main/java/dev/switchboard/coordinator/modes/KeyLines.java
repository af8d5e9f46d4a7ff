package dev.switchboard.coordinator.modes;

import java.util.Map;
import java.util.Objects;

/**
 * A {@link SourceLocator} over the key lines of one TOML file, for the table at {@code base}.
 * Immutable and thread-safe.
 *
 * @param file the file name shown to operators
 * @param base the table's key path inside the file ({@code router}, {@code gates[1]})
 * @param lines the line of every key path of the file
 */
record KeyLines(String file, String base, Map<String, Integer> lines) implements SourceLocator {

    KeyLines {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(base, "base");
        lines = Map.copyOf(lines);
    }

    @Override
    public String locate(String keyPath) {
        String full = keyPath.isEmpty() ? base : TomlKeyScanner.join(base, keyPath);
        return file + ":" + line(full) + ":" + full;
    }

    /** The line of {@code path} or of its nearest enclosing key that has one; 1 when none has. */
    int line(String path) {
        String current = path;
        while (!current.isEmpty()) {
            Integer found = lines.get(current);
            if (found != null) {
                return found;
            }
            current = parent(current);
        }
        return 1;
    }

    /** {@code a.b[2]} → {@code a.b}; {@code a.b} → {@code a}; {@code a} → empty. */
    static String parent(String path) {
        if (path.endsWith("]")) {
            return path.substring(0, path.lastIndexOf('['));
        }
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }
}
