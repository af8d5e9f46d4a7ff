package dev.switchboard.coordinator.config;

import dev.switchboard.spi.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a settings file: {@code KEY=value} lines (an optional {@code export } prefix, values optionally
 * in single or double quotes), {@code #} comments and blank lines; the format {@code switchboard export
 * --format dotenv-example} writes. Errors name {@code file:line} and never a value. Stateless, thread-safe.
 */
final class ConfigFile {

    private static final Pattern LINE =
            Pattern.compile("(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*)");

    /** One entry and the line it is on (1-based). */
    record Entry(String key, String value, int line) {
    }

    private ConfigFile() {
    }

    /** The entries of {@code file}, later lines winning over earlier ones with the same key. */
    static Map<String, Entry> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), "settings file not found (--config or $"
                    + Settings.CONFIG + ")");
        } catch (IOException e) {
            throw new ConfigException(file.toString(),
                    "cannot read the settings file: " + e.getClass().getSimpleName());
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<ConfigException.Problem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(text);
            String where = file + ":" + (i + 1);
            if (!m.matches()) {
                problems.add(new ConfigException.Problem(where, "expected KEY=value"));
                continue;
            }
            String value = unquote(m.group(2));
            if (value == null) {
                problems.add(new ConfigException.Problem(where + ":" + m.group(1), "unterminated quote"));
                continue;
            }
            entries.put(m.group(1), new Entry(m.group(1), value, i + 1));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return entries;
    }

    /** The value without quotes or a trailing comment; {@code null} for an unterminated quote. */
    private static String unquote(String raw) {
        if (raw.startsWith("\"") || raw.startsWith("'")) {
            int end = raw.indexOf(raw.charAt(0), 1);
            return end < 0 ? null : raw.substring(1, end);
        }
        int hash = raw.indexOf(" #");
        return (hash < 0 ? raw : raw.substring(0, hash)).strip();
    }
}
