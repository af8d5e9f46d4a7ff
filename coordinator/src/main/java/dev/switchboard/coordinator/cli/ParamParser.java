package dev.switchboard.coordinator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * Turns {@code --param k=v} (a string) and {@code --param k:=json} (a typed JSON value) and
 * {@code --json FILE} ({@code -} for stdin) into a parameter object. Errors are usage errors that
 * name the offending argument. Stateless, thread-safe.
 */
final class ParamParser {

    private ParamParser() {
    }

    /** The object from {@code file} (when given) overlaid with {@code pairs}. */
    static ObjectNode parse(CommandLine cmd, Path file, List<String> pairs, InputStream stdin) {
        ObjectNode params = file == null ? Json.object() : readFile(cmd, file, stdin);
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(cmd,
                        "'" + pair + "': expected name=value (a string) or name:=json (a typed value)");
            }
            boolean typed = pair.charAt(eq - 1) == ':';
            String name = pair.substring(0, typed ? eq - 1 : eq);
            String value = pair.substring(eq + 1);
            if (name.isEmpty()) {
                throw new CommandLine.ParameterException(cmd, "'" + pair + "': the name is empty");
            }
            params.set(name, typed ? typedValue(cmd, name, value) : Json.mapper().getNodeFactory().textNode(value));
        }
        return params;
    }

    private static JsonNode typedValue(CommandLine cmd, String name, String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new CommandLine.ParameterException(cmd, "'" + name + ":=" + text + "': not JSON ("
                    + e.getOriginalMessage() + "); quote strings, e.g. " + name + ":='\"text\"'"
                    + " or use " + name + "=text");
        }
    }

    private static ObjectNode readFile(CommandLine cmd, Path file, InputStream stdin) {
        boolean stdinFile = file.toString().equals("-");
        if (!stdinFile && !Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(cmd, "--json " + file + ": no such file");
        }
        JsonNode tree;
        try {
            tree = stdinFile ? Json.mapper().readTree(stdin) : Json.mapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new CommandLine.ParameterException(cmd, "--json " + file + ": invalid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cmd, "--json " + file + ": cannot read ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new CommandLine.ParameterException(cmd, "--json " + file + ": expected a JSON object at $, got "
                    + (tree == null ? "nothing" : tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return object;
    }
}
