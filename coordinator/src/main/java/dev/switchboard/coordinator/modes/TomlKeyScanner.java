package dev.switchboard.coordinator.modes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the line of every key of a TOML document that the parser has already accepted: table
 * headers, arrays of tables, dotted keys, inline tables and (multi-line) arrays. Keys are recorded as
 * dotted paths with list indexes ({@code router.nodes.start.when[0].operation}), the form
 * {@link SourceLocator} uses. The first line a path appears on wins.
 *
 * <p>Only ever run on text the TOML parser accepted, so it reads structure and skips values; on
 * anything unexpected it skips to the next line rather than fail. Not thread-safe (one use per text).
 */
final class TomlKeyScanner {

    private final String s;
    private final Map<String, Integer> lines = new HashMap<>();
    private final Map<String, Integer> arrayTableCounts = new HashMap<>();
    private int pos;
    private int line = 1;

    private TomlKeyScanner(String text) {
        this.s = text;
    }

    /** The line (1-based) of every key path in {@code text}. */
    static Map<String, Integer> scan(String text) {
        TomlKeyScanner scanner = new TomlKeyScanner(text);
        scanner.document();
        return Map.copyOf(scanner.lines);
    }

    private void document() {
        String table = "";
        while (true) {
            skipBlank(true);
            if (pos >= s.length()) {
                return;
            }
            int before = pos;
            if (s.charAt(pos) == '[') {
                table = header();
            } else {
                keyValue(table);
            }
            skipRestOfLine(before);
        }
    }

    private String header() {
        boolean arrayTable = s.startsWith("[[", pos);
        pos += arrayTable ? 2 : 1;
        List<String> keys = keySegments();
        String current = "";
        for (int i = 0; i < keys.size(); i++) {
            current = join(current, keys.get(i));
            boolean last = i == keys.size() - 1;
            if (last && arrayTable) {
                int index = arrayTableCounts.getOrDefault(current, -1) + 1;
                arrayTableCounts.put(current, index);
                record(current);
                current = current + "[" + index + "]";
            } else if (arrayTableCounts.containsKey(current)) {
                current = current + "[" + arrayTableCounts.get(current) + "]";
            }
            record(current);
        }
        return current;
    }

    private void keyValue(String prefix) {
        String path = prefix;
        for (String key : keySegments()) {
            path = join(path, key);
            record(path);
        }
        skipBlank(false);
        if (pos < s.length() && s.charAt(pos) == '=') {
            pos++;
            skipBlank(false);
            value(path);
        }
    }

    private void value(String path) {
        if (pos >= s.length()) {
            return;
        }
        char c = s.charAt(pos);
        if (c == '"' || c == '\'') {
            string();
        } else if (c == '[') {
            array(path);
        } else if (c == '{') {
            inlineTable(path);
        } else {
            while (pos < s.length() && ",]}#\n".indexOf(s.charAt(pos)) < 0) {
                pos++;
            }
        }
    }

    private void array(String path) {
        pos++;
        int index = 0;
        while (true) {
            skipBlank(true);
            if (pos >= s.length()) {
                return;
            }
            if (s.charAt(pos) == ']') {
                pos++;
                return;
            }
            String element = path + "[" + index++ + "]";
            record(element);
            int before = pos;
            value(element);
            skipBlank(true);
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
            } else if (pos == before) {
                pos++;
            }
        }
    }

    private void inlineTable(String path) {
        pos++;
        while (true) {
            skipBlank(true);
            if (pos >= s.length()) {
                return;
            }
            if (s.charAt(pos) == '}') {
                pos++;
                return;
            }
            int before = pos;
            keyValue(path);
            skipBlank(true);
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
            } else if (pos == before) {
                pos++;
            }
        }
    }

    private List<String> keySegments() {
        List<String> keys = new ArrayList<>();
        while (true) {
            skipBlank(false);
            if (pos >= s.length()) {
                return keys;
            }
            char c = s.charAt(pos);
            if (c == '"' || c == '\'') {
                keys.add(string());
            } else {
                int start = pos;
                while (pos < s.length() && isBareKeyChar(s.charAt(pos))) {
                    pos++;
                }
                if (pos == start) {
                    return keys;
                }
                keys.add(s.substring(start, pos));
            }
            skipBlank(false);
            if (pos < s.length() && s.charAt(pos) == '.') {
                pos++;
            } else {
                return keys;
            }
        }
    }

    /** Reads a basic, literal or multi-line string at {@code pos}; returns its (roughly unescaped) text. */
    private String string() {
        char quote = s.charAt(pos);
        boolean multi = s.startsWith(String.valueOf(quote).repeat(3), pos);
        pos += multi ? 3 : 1;
        StringBuilder text = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\\' && quote == '"' && pos + 1 < s.length()) {
                text.append(s.charAt(pos + 1));
                countNewline(s.charAt(pos + 1));
                pos += 2;
                continue;
            }
            if (c == quote && (!multi || s.startsWith(String.valueOf(quote).repeat(3), pos))) {
                pos += multi ? 3 : 1;
                while (multi && pos < s.length() && s.charAt(pos) == quote) {
                    pos++; // a multi-line string may end with up to two extra quotes
                }
                return text.toString();
            }
            countNewline(c);
            text.append(c);
            pos++;
        }
        return text.toString();
    }

    private void skipBlank(boolean newlines) {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '#') {
                while (pos < s.length() && s.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '\n' && newlines) {
                line++;
                pos++;
            } else {
                return;
            }
        }
    }

    private void skipRestOfLine(int before) {
        skipBlank(false);
        if (pos < s.length() && s.charAt(pos) != '\n' || pos == before) {
            while (pos < s.length() && s.charAt(pos) != '\n') {
                pos++;
            }
        }
    }

    private void countNewline(char c) {
        if (c == '\n') {
            line++;
        }
    }

    private void record(String path) {
        lines.putIfAbsent(path, line);
    }

    private static boolean isBareKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }
}
