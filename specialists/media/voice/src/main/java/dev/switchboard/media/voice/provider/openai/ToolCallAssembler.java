package dev.switchboard.media.voice.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.media.voice.spi.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Joins streamed {@code tool_calls} deltas into whole calls: deltas are keyed by {@code index}
 * (the position in the array when a server omits it), the id and name come from whichever delta
 * carries them, and argument fragments are concatenated in arrival order. Not thread-safe (one
 * stream's reader thread).
 */
final class ToolCallAssembler {

    private static final class Partial {
        String id = "";
        String name = "";
        final StringBuilder arguments = new StringBuilder();
    }

    private final Map<Integer, Partial> calls = new TreeMap<>();

    /** Adds one chunk's {@code delta.tool_calls} array. */
    void add(JsonNode toolCalls) {
        int position = 0;
        for (JsonNode d : toolCalls) {
            int index = d.path("index").isIntegralNumber() ? d.get("index").asInt() : position;
            position++;
            Partial p = calls.computeIfAbsent(index, i -> new Partial());
            if (d.path("id").isTextual() && !d.get("id").asText().isEmpty()) {
                p.id = d.get("id").asText();
            }
            JsonNode fn = d.path("function");
            if (fn.path("name").isTextual() && !fn.get("name").asText().isEmpty()) {
                p.name = fn.get("name").asText();
            }
            JsonNode args = fn.path("arguments");
            if (args.isTextual()) {
                p.arguments.append(args.asText());
            } else if (args.isObject()) {
                p.arguments.append(args.toString()); // some servers send the arguments as an object
            }
        }
    }

    /** Whether any delta arrived. */
    boolean isEmpty() {
        return calls.isEmpty();
    }

    /** The assembled calls in index order, or a description of the first malformed one. */
    Result finish() {
        List<ToolCall> out = new ArrayList<>();
        for (Map.Entry<Integer, Partial> e : calls.entrySet()) {
            Partial p = e.getValue();
            if (p.name.isEmpty()) {
                return new Result(List.of(), Optional.of("tool call at index " + e.getKey() + " has no function name"));
            }
            String id = p.id.isEmpty() ? "call_" + e.getKey() : p.id;
            String args = p.arguments.isEmpty() ? "{}" : p.arguments.toString();
            out.add(new ToolCall(id, p.name, args));
        }
        return new Result(out, Optional.empty());
    }

    /** The calls, or the problem that made them unusable. */
    record Result(List<ToolCall> calls, Optional<String> problem) {
    }
}
