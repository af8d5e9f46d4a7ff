package dev.switchboard.media.voice.agent;

import java.util.HashMap;
import java.util.Map;

/**
 * The line of each table and key of a TOML text the parser already accepted, as dotted paths
 * ({@code agents.reception.tools}). Handles {@code [table]} headers, {@code key = value} lines, quoted
 * keys and multi-line strings; enough for agent files. Not thread-safe (one use per text).
 */
final class TomlLines {

    private TomlLines() {
    }

    static Map<String, Integer> scan(String text) {
        Map<String, Integer> lines = new HashMap<>();
        String table = "";
        String[] all = text.split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            String line = all[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && !line.startsWith("[[")) {
                table = unquote(line.substring(1, line.indexOf(']')).strip());
                lines.putIfAbsent(table, i + 1);
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = unquote(line.substring(0, eq).strip());
            lines.putIfAbsent(table.isEmpty() ? key : table + "." + key, i + 1);
            String value = line.substring(eq + 1).strip();
            for (String fence : new String[] {"\"\"\"", "'''"}) {
                if (value.startsWith(fence) && value.indexOf(fence, 3) < 0) {
                    while (++i < all.length && !all[i].contains(fence)) {
                        continue;
                    }
                }
            }
        }
        return lines;
    }

    private static String unquote(String dotted) {
        return dotted.replace("\"", "").replace("'", "").replaceAll("\\s*\\.\\s*", ".");
    }
}
