package dev.switchboard.coordinator.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a workflow table (the TOML {@code [workflows.NAME]} section as a JSON tree, or the same shape
 * stored in the journal) into a definition, collecting issues at key paths. Not thread-safe; one
 * instance per table.
 */
final class TreeReader {

    private static final Set<String> WORKFLOW_KEYS = Set.of("description", "inputs", "forward-recoverable", "steps");
    private static final Set<String> STEP_KEYS = Set.of(
            "id", "operation", "params", "when", "compensation", "compensate", "description");
    private static final Set<String> INPUT_KEYS = Set.of("type", "required", "default", "description");

    private final List<DefinitionChecks.Issue> issues = new ArrayList<>();

    List<DefinitionChecks.Issue> issues() {
        return issues;
    }

    WorkflowDefinition read(String name, ObjectNode tree) {
        unknownKeys(tree, WORKFLOW_KEYS, "");
        String description = text(tree, "description", "");
        boolean forward = bool(tree, "forward-recoverable", false);
        List<InputSpec> inputs = new ArrayList<>();
        JsonNode in = tree.path("inputs");
        if (in instanceof ObjectNode o) {
            o.properties().forEach(e -> input(e.getKey(), e.getValue(), inputs));
        } else if (!in.isMissingNode()) {
            issue("inputs", "must be a table of input declarations");
        }
        List<StepDefinition> steps = new ArrayList<>();
        JsonNode st = tree.path("steps");
        if (st.isArray()) {
            for (int i = 0; i < st.size(); i++) {
                step("steps[" + i + "]", st.get(i), steps);
            }
        } else if (!st.isMissingNode()) {
            issue("steps", "must be an array of tables ([[workflows." + name + ".steps]])");
        }
        return new WorkflowDefinition(name, description, inputs, forward, steps);
    }

    private void input(String name, JsonNode node, List<InputSpec> out) {
        String at = "inputs." + name;
        if (node.isTextual()) {
            out.add(InputSpec.required(name, type(at, node.asText())));
            return;
        }
        if (!(node instanceof ObjectNode o)) {
            issue(at, "must be a type name (\"string\") or a table { type = …, required = …, default = … }");
            return;
        }
        unknownKeys(o, INPUT_KEYS, at);
        InputSpec.Type type = type(at + ".type", text(o, "type", "any", at));
        JsonNode def = o.has("default") ? o.get("default") : MissingNode.getInstance();
        boolean required = bool(o, "required", def.isMissingNode(), at);
        if (required && !def.isMissingNode()) {
            issue(at + ".required", "an input with a default cannot be required");
            return;
        }
        out.add(new InputSpec(name, type, required, def, text(o, "description", "", at)));
    }

    /** The type called {@code label}; {@code any} (after an issue) when there is none, to avoid cascades. */
    private InputSpec.Type type(String at, String label) {
        try {
            return InputSpec.Type.valueOf(label.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            issue(at, "unknown type '" + label + "' (string, integer, number, boolean, object, array, any)");
            return InputSpec.Type.ANY;
        }
    }

    private void step(String at, JsonNode node, List<StepDefinition> out) {
        if (!(node instanceof ObjectNode o)) {
            issue(at, "a step must be a table");
            return;
        }
        unknownKeys(o, STEP_KEYS, at);
        String id = text(o, "id", "", at);
        String operation = text(o, "operation", "", at);
        if (!o.has("id")) {
            issue(at + ".id", "a step needs an id");
        }
        if (!o.has("operation")) {
            issue(at + ".operation", "a step needs an operation");
        }
        ObjectNode params = Json.object();
        if (o.get("params") instanceof ObjectNode p) {
            params = p;
        } else if (o.has("params")) {
            issue(at + ".params", "must be a table");
        }
        String when = text(o, "when", "", at);
        StepDefinition.Compensation compensation = new StepDefinition.FromOperation();
        if (o.has("compensation")) {
            compensation = new StepDefinition.ByOperation(text(o, "compensation", "", at));
        }
        if (!bool(o, "compensate", true, at)) {
            if (o.has("compensation")) {
                issue(at + ".compensate", "compensate = false contradicts compensation = \"…\"");
            }
            compensation = new StepDefinition.Disabled();
        }
        out.add(new StepDefinition(id, operation, params, when, compensation));
    }

    private void unknownKeys(ObjectNode o, Set<String> known, String at) {
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            if (!known.contains(e.getKey())) {
                issue(join(at, e.getKey()), "unknown key '" + e.getKey() + "' (expected one of "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private String text(ObjectNode o, String key, String fallback) {
        return text(o, key, fallback, "");
    }

    private String text(ObjectNode o, String key, String fallback, String at) {
        JsonNode n = o.get(key);
        if (n == null) {
            return fallback;
        }
        if (!n.isTextual()) {
            issue(join(at, key), "must be a string, not " + n.getNodeType().name().toLowerCase(Locale.ROOT));
            return fallback;
        }
        return n.asText();
    }

    private boolean bool(ObjectNode o, String key, boolean fallback) {
        return bool(o, key, fallback, "");
    }

    private boolean bool(ObjectNode o, String key, boolean fallback, String at) {
        JsonNode n = o.get(key);
        if (n == null) {
            return fallback;
        }
        if (!n.isBoolean()) {
            issue(join(at, key), "must be true or false, not " + n.getNodeType().name().toLowerCase(Locale.ROOT));
            return fallback;
        }
        return n.asBoolean();
    }

    private void issue(String keyPath, String message) {
        issues.add(new DefinitionChecks.Issue(keyPath, message));
    }

    private static String join(String at, String key) {
        return at.isEmpty() ? key : at + "." + key;
    }
}
