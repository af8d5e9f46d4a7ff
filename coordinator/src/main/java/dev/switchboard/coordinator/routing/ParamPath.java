package dev.switchboard.coordinator.routing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A parameter address, precompiled: a JSON path ({@code $.room.name}, {@code $.tracks[0].sid}) or the
 * same without {@code $.} ({@code room.name}). Resolving walks the tree without allocating. Immutable
 * and thread-safe.
 */
final class ParamPath {

    private final String text;
    private final String[] names;
    private final int[] indexes;

    private ParamPath(String text, List<String> names, List<Integer> indexes) {
        this.text = text;
        this.names = names.toArray(String[]::new);
        this.indexes = indexes.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Parses a path.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static ParamPath parse(String text) {
        String rest = text.startsWith("$.") ? text.substring(2) : text.equals("$") ? "" : text;
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("a parameter path needs at least one key, like $.room.name");
        }
        List<String> names = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (String part : rest.split("\\.", -1)) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty key in parameter path '" + text + "'");
            }
            names.add(name);
            indexes.add(-1);
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed [ in parameter path '" + text + "'");
                }
                try {
                    indexes.add(Integer.parseInt(part.substring(bracket + 1, close)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("list index must be a number in '" + text + "'", e);
                }
                names.add("");
                bracket = part.indexOf('[', close);
                if (bracket < 0 && close != part.length() - 1) {
                    throw new IllegalArgumentException("unexpected text after ] in parameter path '" + text + "'");
                }
            }
        }
        return new ParamPath(text, names, indexes);
    }

    /** The value at this path, or {@code null} when any step is missing (internal use only). */
    JsonNode resolve(JsonNode params) {
        JsonNode node = params;
        for (int i = 0; i < names.length && node != null; i++) {
            node = indexes[i] >= 0 ? node.get(indexes[i]) : node.get(names[i]);
        }
        return node;
    }

    @Override
    public String toString() {
        return text;
    }
}
