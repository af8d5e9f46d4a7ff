package dev.switchboard.coordinator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.switchboard.coordinator.modes.ModeSection;
import dev.switchboard.coordinator.modes.ModeSet;
import dev.switchboard.spi.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Stand-in mode loader until the ModeRegistry lands: top-level tables, no line numbers. Thread-safe. */
final class TempModes {

    private static final TomlMapper TOML = new TomlMapper();

    private TempModes() {
    }

    static ModeSet load(Optional<Path> folder) {
        List<ModeSection> sections = new ArrayList<>();
        if (folder.isPresent()) {
            try (Stream<Path> files = Files.list(folder.get())) {
                for (Path file : files.filter(f -> f.toString().endsWith(".toml")).sorted().toList()) {
                    sections.addAll(parse(file));
                }
            } catch (IOException e) {
                throw new ConfigException(folder.get().toString(), "cannot read the modes folder");
            }
        }
        return new ModeSet(sections);
    }

    private static List<ModeSection> parse(Path file) {
        String name = file.getFileName().toString();
        JsonNode root;
        try {
            root = TOML.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException(name + ":1", "invalid TOML: " + e.getClass().getSimpleName());
        }
        List<ModeSection> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> table : root.properties()) {
            if (table.getKey().equals("specialists") && table.getValue() instanceof ObjectNode specialists) {
                specialists.properties().forEach(s -> add(out, name, "specialists." + s.getKey(), s.getValue()));
            } else {
                add(out, name, table.getKey(), table.getValue());
            }
        }
        return out;
    }

    private static void add(List<ModeSection> out, String file, String path, JsonNode tree) {
        if (tree instanceof ObjectNode object) {
            out.add(new ModeSection(file, path, object,
                    key -> file + ":1:" + (key.isEmpty() ? path : path + "." + key)));
        }
    }
}
