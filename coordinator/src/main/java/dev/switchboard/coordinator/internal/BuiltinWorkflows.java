package dev.switchboard.coordinator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.coordinator.modes.ModeSection;
import dev.switchboard.coordinator.modes.ModeSet;
import dev.switchboard.coordinator.plugins.OperationCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Sets aside the built-in workflows that need operations no loaded specialist declares (the shipped
 * {@code session.start} needs the room and auth plugins, for example), so that a coordinator with
 * other plugins still starts. They are reported as unavailable, with the missing operations, when
 * someone runs them. An operator's own workflows stay strict: an unknown operation there is a
 * configuration error at {@code file:line:key}. Immutable.
 *
 * @param usable the modes without the set-aside workflow tables
 * @param unavailable why each set-aside workflow cannot run, by workflow name
 */
record BuiltinWorkflows(ModeSet usable, Map<String, String> unavailable) {

    private static final String BUILTIN_PREFIX = "classpath:";
    private static final String WORKFLOWS = "workflows.";

    static BuiltinWorkflows split(ModeSet modes, OperationCatalog catalog) {
        List<ModeSection> kept = new ArrayList<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        for (ModeSection section : modes.sections()) {
            if (section.path().startsWith(WORKFLOWS) && section.file().startsWith(BUILTIN_PREFIX)) {
                TreeSet<String> missing = missing(section.tree().path("steps"), catalog);
                if (!missing.isEmpty()) {
                    String name = section.path().substring(WORKFLOWS.length()).replace("\"", "");
                    unavailable.put(name, "it needs " + String.join(", ", missing)
                            + ", which no loaded specialist declares (add the plugins that provide them)");
                    continue;
                }
            }
            kept.add(section);
        }
        return new BuiltinWorkflows(new ModeSet(kept), unavailable);
    }

    private static TreeSet<String> missing(JsonNode steps, OperationCatalog catalog) {
        TreeSet<String> missing = new TreeSet<>();
        for (JsonNode step : steps) {
            for (String key : List.of("operation", "compensation")) {
                JsonNode op = step.path(key);
                if (op.isTextual() && catalog.find(op.asText()).isEmpty()) {
                    missing.add(op.asText());
                }
            }
        }
        return missing;
    }
}
