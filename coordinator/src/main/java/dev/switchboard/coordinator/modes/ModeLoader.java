package dev.switchboard.coordinator.modes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns mode files into a {@link ModeSet}: parses each, validates it against the mode schema, splits
 * it into sections and lets operator tables replace built-in ones. Collects the problems of every file
 * before failing. Stateless and thread-safe.
 */
final class ModeLoader {

    /** Top-level tables whose every child table is a section of its own. */
    private static final Set<String> COLLECTIONS = Set.of("workflows", "specialists", "agents");

    private ModeLoader() {
    }

    /**
     * One mode file's text.
     *
     * @param file the name shown to operators
     * @param text the TOML text
     */
    record Source(String file, String text) {
    }

    /**
     * Loads built-in files, then operator files (whose tables replace built-in tables of the same path;
     * operator {@code [[gates]]}, if any, replace the built-in gate list as a whole).
     *
     * @throws ConfigException with every problem of every file
     */
    static ModeSet load(List<Source> builtins, List<Source> operator) {
        List<ConfigException.Problem> problems = new ArrayList<>();
        List<ModeSection> builtin = sections(builtins, problems);
        List<ModeSection> own = sections(operator, problems);
        Map<String, ModeSection> ownByPath = new LinkedHashMap<>();
        for (ModeSection section : own) {
            ModeSection earlier = ownByPath.putIfAbsent(section.path(), section);
            if (earlier != null && !section.path().startsWith("gates[")) {
                problems.add(new ConfigException.Problem(section.locator().locate(""),
                        "table '" + section.path() + "' is also defined at " + earlier.locator().locate("")));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        boolean ownGates = own.stream().anyMatch(ModeLoader::isGate);
        List<ModeSection> merged = new ArrayList<>();
        for (ModeSection section : builtin) {
            boolean replaced = isGate(section) ? ownGates : ownByPath.containsKey(section.path());
            if (!replaced) {
                merged.add(section);
            }
        }
        merged.addAll(own);
        return new ModeSet(numberGates(merged));
    }

    private static List<ModeSection> sections(List<Source> sources, List<ConfigException.Problem> problems) {
        List<ModeSection> out = new ArrayList<>();
        for (Source source : sources) {
            ModeFile file;
            try {
                file = ModeFile.parse(source.file(), source.text());
            } catch (ConfigException e) {
                problems.addAll(e.problems());
                continue;
            }
            List<ConfigException.Problem> invalid = ModeSchema.get().validate(file);
            if (invalid.isEmpty()) {
                split(file, out);
            } else {
                problems.addAll(invalid);
            }
        }
        return out;
    }

    private static void split(ModeFile file, List<ModeSection> out) {
        for (Map.Entry<String, JsonNode> top : file.tree().properties()) {
            String key = top.getKey();
            JsonNode value = top.getValue();
            if (COLLECTIONS.contains(key)) {
                for (Map.Entry<String, JsonNode> child : value.properties()) {
                    String path = key + "." + child.getKey();
                    out.add(new ModeSection(file.file(), path, (ObjectNode) child.getValue(), file.locator(path)));
                }
            } else if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    String path = key + "[" + i + "]";
                    out.add(new ModeSection(file.file(), path, (ObjectNode) value.get(i), file.locator(path)));
                }
            } else {
                out.add(new ModeSection(file.file(), key, (ObjectNode) value, file.locator(key)));
            }
        }
    }

    /** Gives gate entries their place in the merged list ({@code gates[0]}…); locators keep file indexes. */
    private static List<ModeSection> numberGates(List<ModeSection> sections) {
        List<ModeSection> out = new ArrayList<>(sections.size());
        int gate = 0;
        for (ModeSection s : sections) {
            out.add(isGate(s) ? new ModeSection(s.file(), "gates[" + gate++ + "]", s.tree(), s.locator()) : s);
        }
        return out;
    }

    private static boolean isGate(ModeSection section) {
        return section.path().startsWith("gates[");
    }
}
