package dev.switchboard.coordinator.gates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.switchboard.coordinator.modes.ModeSection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: parses a TOML text and returns its {@code [[gates]]} entries as {@link ModeSection}s
 * whose locator finds the line of a key inside the entry (a simple stand-in for the mode registry).
 */
final class TomlGates {

    static final String FILE = "modes/gates.toml";

    private TomlGates() {
    }

    static List<ModeSection> parse(String toml) {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(toml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] lines = toml.split("\n", -1);
        List<Integer> headers = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].trim().equals("[[gates]]")) {
                headers.add(i);
            }
        }
        List<ModeSection> out = new ArrayList<>();
        JsonNode gates = root.path("gates");
        for (int i = 0; i < gates.size(); i++) {
            int header = headers.get(i);
            int end = i + 1 < headers.size() ? headers.get(i + 1) : lines.length;
            String path = "gates[" + i + "]";
            out.add(new ModeSection(FILE, path, (ObjectNode) gates.get(i),
                    key -> FILE + ":" + line(lines, header, end, key) + ":" + path + (key.isEmpty() ? "" : "." + key)));
        }
        return out;
    }

    private static int line(String[] lines, int header, int end, String key) {
        String first = key.split("[.\\[]", 2)[0];
        for (int i = header + 1; i < end; i++) {
            String l = lines[i].trim();
            if (!first.isEmpty() && (l.startsWith(first + " ") || l.startsWith(first + "="))) {
                return i + 1;
            }
        }
        return header + 1;
    }
}
