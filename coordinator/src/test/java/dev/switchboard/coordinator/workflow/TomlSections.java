package dev.switchboard.coordinator.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.switchboard.coordinator.modes.ModeSection;
import dev.switchboard.coordinator.modes.ModeSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a TOML text into {@code workflows.*} mode sections with a simple line locator (the real
 * locator belongs to the mode registry; this one finds a step's {@code [[…steps]]} header and the
 * key's line under it).
 */
final class TomlSections {

    private TomlSections() {
    }

    static ModeSet parse(String file, String toml) {
        ObjectNode root;
        try {
            root = (ObjectNode) new TomlMapper().readTree(toml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> lines = toml.lines().toList();
        List<ModeSection> sections = new ArrayList<>();
        root.path("workflows").properties().forEach(e -> {
            String path = "workflows." + e.getKey();
            sections.add(new ModeSection(file, path, (ObjectNode) e.getValue(),
                    key -> file + ":" + line(lines, path, key) + ":" + path + (key.isEmpty() ? "" : "." + key)));
        });
        return new ModeSet(sections);
    }

    private static int line(List<String> lines, String path, String key) {
        int from = indexOf(lines, "[" + path + "]", 0);
        String rest = key;
        if (key.startsWith("steps[")) {
            int n = Integer.parseInt(key.substring(6, key.indexOf(']')));
            from = -1;
            for (int i = 0; i <= n; i++) {
                from = indexOf(lines, "[[" + path + ".steps]]", from + 1);
            }
            rest = key.substring(key.indexOf(']') + 1).replaceFirst("^\\.", "");
        } else if (key.startsWith("inputs.")) {
            from = indexOf(lines, "[" + path + ".inputs]", 0);
            rest = key.substring(7);
        }
        String first = rest.split("[.\\[]")[0];
        for (int i = Math.max(from, 0) + 1; i < lines.size() && !first.isEmpty(); i++) {
            if (lines.get(i).startsWith("[")) {
                break;
            }
            if (lines.get(i).matches("\\s*\"?" + java.util.regex.Pattern.quote(first) + "\"?\\s*=.*")) {
                return i + 1;
            }
        }
        return from + 1;
    }

    private static int indexOf(List<String> lines, String header, int from) {
        for (int i = Math.max(from, 0); i < lines.size(); i++) {
            if (lines.get(i).strip().equals(header)) {
                return i;
            }
        }
        return -1;
    }
}
