package dev.switchboard.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Draws the {@code [router]} decision tree as a Mermaid flowchart: one box per node, one edge per
 * {@code when} branch labelled with its tests, inline leaves and named leaves as rounded boxes.
 * Stateless, thread-safe.
 */
final class Mermaid {

    private static final List<String> TARGETS = List.of("to", "specialist", "run");

    private Mermaid() {
    }

    static String decisionTree(ObjectNode router) {
        StringBuilder out = new StringBuilder("```mermaid\nflowchart LR\n");
        String root = router.path("root").asText("root");
        out.append("  request([request]) --> ").append(id("node", root)).append('\n');
        for (Map.Entry<String, JsonNode> node : router.path("nodes").properties()) {
            String nodeId = id("node", node.getKey());
            String description = node.getValue().path("description").asText("");
            out.append("  ").append(nodeId).append("{\"").append(esc(node.getKey()))
                    .append(description.isEmpty() ? "" : "<br/><small>" + esc(description) + "</small>")
                    .append("\"}\n");
            int i = 0;
            for (JsonNode branch : node.getValue().path("when")) {
                String target = branch.has("to") ? target(router, branch.get("to").asText())
                        : inlineLeaf(out, node.getKey(), i, branch);
                out.append("  ").append(nodeId).append(" -->|\"").append(esc(tests(branch))).append("\"| ")
                        .append(target).append('\n');
                i++;
            }
            if (node.getValue().has("otherwise")) {
                out.append("  ").append(nodeId).append(" -->|otherwise| ")
                        .append(target(router, node.getValue().get("otherwise").asText())).append('\n');
            }
        }
        for (Map.Entry<String, JsonNode> leaf : router.path("leaves").properties()) {
            out.append("  ").append(id("leaf", leaf.getKey())).append("([\"").append(esc(leafText(leaf.getValue())))
                    .append("\"])\n");
        }
        return out.append("```\n").toString();
    }

    private static String inlineLeaf(StringBuilder out, String node, int index, JsonNode branch) {
        String leafId = id("leaf", node + "-when-" + index);
        out.append("  ").append(leafId).append("([\"").append(esc(leafText(branch))).append("\"])\n");
        return leafId;
    }

    private static String target(ObjectNode router, String name) {
        return router.path("nodes").has(name) ? id("node", name) : id("leaf", name);
    }

    private static String leafText(JsonNode leaf) {
        String text = leaf.path("specialist").asText("?");
        return leaf.has("run") ? text + ": " + leaf.get("run").asText() : text;
    }

    private static String tests(JsonNode branch) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : branch.properties()) {
            if (!TARGETS.contains(e.getKey())) {
                JsonNode v = e.getValue();
                parts.add(e.getKey() + " " + (v.isTextual() ? v.asText() : v.isArray() ? join(v) : v.toString()));
            }
        }
        return parts.isEmpty() ? "always" : String.join("; ", parts);
    }

    private static String join(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(n -> items.add(n.isTextual() ? n.asText() : n.toString()));
        return String.join(", ", items);
    }

    private static String id(String kind, String name) {
        return kind + "_" + name.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static String esc(String s) {
        return s.replace("\"", "#quot;").replace("|", "#124;");
    }
}
