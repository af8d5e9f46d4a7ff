package dev.switchboard.coordinator.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.coordinator.modes.ModeSection;
import dev.switchboard.spi.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the {@code [router]} section into unlinked nodes and leaves, collecting every problem with
 * its {@code file:line:key}. The schema has already checked keys and types when the section came
 * through the mode registry; the checks here repeat what routing relies on. Not thread-safe (one use).
 */
final class RouterParser {

    final ModeSection section;
    final List<ConfigException.Problem> problems = new ArrayList<>();
    final Map<String, RouteNode> nodes = new LinkedHashMap<>();
    final Map<String, Leaf> leaves = new LinkedHashMap<>();
    final List<Edge> edges = new ArrayList<>();
    String root = "root";

    RouterParser(ModeSection section) {
        this.section = section;
    }

    void parse() {
        JsonNode tree = section.tree();
        root = text(tree, "root").orElse("root");
        JsonNode nodeTables = tree.path("nodes");
        if (!nodeTables.isObject() || nodeTables.isEmpty()) {
            problem("nodes", "the router needs at least one node: [router.nodes.<id>]");
            return;
        }
        tree.path("leaves").properties().forEach(e -> leaf(e.getKey(), e.getValue()));
        nodeTables.properties().forEach(e -> node(e.getKey(), e.getValue()));
    }

    private void leaf(String id, JsonNode table) {
        String key = "leaves." + id;
        String specialist = text(table, "specialist").orElse("");
        if (specialist.isEmpty()) {
            problem(key + ".specialist", "missing required key 'specialist'");
        }
        String run = text(table, "run").orElse("");
        leaves.put(id, new Leaf(id, specialist, run, at(key), at(run.isEmpty() ? key : key + ".run")));
        if (table.isObject() && nodesDeclare(id)) {
            problem(key, "'" + id + "' names both a node and a leaf");
        }
    }

    private boolean nodesDeclare(String id) {
        return section.tree().path("nodes").has(id);
    }

    private void node(String id, JsonNode table) {
        String key = "nodes." + id;
        List<Branch> branches = new ArrayList<>();
        JsonNode when = table.path("when");
        for (int i = 0; i < when.size(); i++) {
            branches.add(branch(id, key + ".when[" + i + "]", i, when.get(i)));
        }
        Edge otherwise = text(table, "otherwise").map(t -> edge(t, key + ".otherwise")).orElse(null);
        if (branches.isEmpty() && otherwise == null) {
            problem(key, "node '" + id + "' leads nowhere: give it 'when' branches or 'otherwise'");
        }
        nodes.put(id, new RouteNode(id, at(key), branches, otherwise));
    }

    private Branch branch(String node, String key, int index, JsonNode b) {
        Condition.OperationIs operation = null;
        JsonNode names = b.path("operation");
        if (!names.isMissingNode()) {
            List<Glob> globs = new ArrayList<>();
            (names.isArray() ? names : List.of(names)).forEach(n -> globs.add(Glob.of(n.asText())));
            operation = new Condition.OperationIs(globs.toArray(Glob[]::new), at(key + ".operation"));
        }
        List<Condition> others = new ArrayList<>();
        JsonNode present = b.path("param-present");
        for (int i = 0; i < present.size(); i++) {
            String k = key + ".param-present[" + i + "]";
            path(k, present.get(i).asText()).ifPresent(p -> others.add(new Condition.ParamPresent(p, at(k))));
        }
        b.path("param-equals").properties().forEach(e -> {
            String k = key + ".param-equals." + e.getKey();
            path(k, e.getKey()).ifPresent(p -> others.add(new Condition.ParamEquals(p, e.getValue(), at(k))));
        });
        b.path("param-matches").properties().forEach(e -> {
            String k = key + ".param-matches." + e.getKey();
            path(k, e.getKey()).ifPresent(p -> regex(k, e.getValue().asText())
                    .ifPresent(r -> others.add(new Condition.ParamMatches(p, r, at(k)))));
        });
        JsonNode roles = b.path("roles");
        if (roles.isArray() && !roles.isEmpty()) {
            List<String> any = new ArrayList<>();
            roles.forEach(r -> any.add(r.asText()));
            others.add(new Condition.HasRole(any.toArray(String[]::new), at(key + ".roles")));
        }
        b.path("tags").properties().forEach(e -> others.add(
                new Condition.HasTag(e.getKey(), Glob.of(e.getValue().asText()), at(key + ".tags." + e.getKey()))));
        return new Branch(index, operation, others.toArray(Condition[]::new), target(node, key, index, b), at(key));
    }

    private Edge target(String node, String key, int index, JsonNode b) {
        boolean to = b.has("to");
        boolean specialist = b.has("specialist");
        if (to && specialist) {
            problem(key, "a branch goes either 'to' a node or leaf, or to an inline 'specialist', not both");
        } else if (!to && !specialist) {
            problem(key, "branch leads nowhere: add to = \"<node or leaf>\" or specialist = \"<name>\"");
        } else if (to && b.has("run")) {
            problem(key + ".run", "'run' belongs with 'specialist'; put it on the leaf '" + b.get("to").asText() + "'");
        }
        if (specialist) {
            String id = node + ".when[" + index + "]";
            String run = text(b, "run").orElse("");
            Leaf leaf = new Leaf(id, b.get("specialist").asText(), run, at(key + ".specialist"),
                    at(run.isEmpty() ? key + ".specialist" : key + ".run"));
            Edge edge = edge(id, key + ".specialist");
            edge.leaf = leaf;
            return edge;
        }
        return edge(to ? b.get("to").asText() : "", key + (to ? ".to" : ""));
    }

    private Edge edge(String target, String key) {
        Edge edge = new Edge(target, at(key));
        edges.add(edge);
        return edge;
    }

    private Optional<ParamPath> path(String key, String text) {
        try {
            return Optional.of(ParamPath.parse(text));
        } catch (IllegalArgumentException e) {
            problem(key, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Pattern> regex(String key, String text) {
        try {
            return Optional.of(Pattern.compile(text));
        } catch (PatternSyntaxException e) {
            problem(key, "invalid regular expression: " + e.getDescription() + " near index " + e.getIndex());
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode table, String key) {
        JsonNode value = table.get(key);
        return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }

    String at(String key) {
        return section.locator().locate(key);
    }

    void problem(String key, String message) {
        problems.add(new ConfigException.Problem(at(key), message));
    }
}
