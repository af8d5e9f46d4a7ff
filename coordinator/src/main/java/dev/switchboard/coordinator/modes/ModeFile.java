package dev.switchboard.coordinator.modes;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.switchboard.spi.ConfigException;
import java.util.Map;
import java.util.Objects;

/**
 * One parsed mode file: its tree and the line of each of its keys. Immutable.
 *
 * @param file the file name shown to operators ({@code modes/coordinator.toml})
 * @param tree the whole document as a JSON tree
 * @param lines the line of every key path
 */
record ModeFile(String file, ObjectNode tree, Map<String, Integer> lines) {

    private static final TomlMapper TOML = new TomlMapper();

    ModeFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(tree, "tree");
        lines = Map.copyOf(lines);
    }

    /**
     * Parses TOML text.
     *
     * @throws ConfigException located at {@code file:line:column} when the text is not valid TOML
     */
    static ModeFile parse(String file, String text) {
        JsonNode tree;
        try {
            tree = TOML.readTree(text);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? file + ":1:1" : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new ConfigException(where, "malformed TOML: " + e.getOriginalMessage());
        }
        ObjectNode object = tree instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
        return new ModeFile(file, object, TomlKeyScanner.scan(text));
    }

    /** A locator for the table at {@code base} (a key path of this file). */
    SourceLocator locator(String base) {
        return new KeyLines(file, base, lines);
    }
}
