package dev.switchboard.qualitygates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path into the request parameters as written in gate settings: {@code name}, {@code room.name},
 * {@code tracks[0].sid}, {@code participants[*].identity}, optionally prefixed with {@code $.}.
 * Immutable, thread-safe.
 */
final class ParamPath {

    /** One value found at the path, with its concrete JSON path. */
    record Found(String path, JsonNode value) {
    }

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_-]+)((?:\\[(?:\\d+|\\*)])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+|\\*)]");

    private final String text;
    private final List<Object> steps;

    private ParamPath(String text, List<Object> steps) {
        this.text = text;
        this.steps = steps;
    }

    /**
     * Parses a path.
     *
     * @throws IllegalArgumentException naming the rule when the path is malformed
     */
    static ParamPath parse(String text) {
        String body = text.startsWith("$.") ? text.substring(2) : text;
        List<Object> steps = new ArrayList<>();
        for (String segment : body.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(segment);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + text + "' is not a parameter path; write name, room.name,"
                        + " tracks[0].sid or participants[*].identity");
            }
            steps.add(m.group(1));
            Matcher idx = INDEX.matcher(m.group(2));
            while (idx.find()) {
                steps.add(idx.group(1).equals("*") ? Wildcard.ANY : Integer.valueOf(idx.group(1)));
            }
        }
        return new ParamPath(text, List.copyOf(steps));
    }

    /** The values present at this path in {@code params} (several when the path has {@code [*]}). */
    List<Found> resolve(JsonNode params) {
        List<Found> out = new ArrayList<>();
        walk(params, JsonPaths.ROOT, 0, out);
        return out;
    }

    /** The JSON path when nothing is found: the path as far as it is concrete. */
    String displayPath() {
        String path = JsonPaths.ROOT;
        for (Object step : steps) {
            if (step instanceof String name) {
                path = JsonPaths.child(path, name);
            } else {
                path = path + "[" + (step instanceof Integer i ? i.toString() : "*") + "]";
            }
        }
        return path;
    }

    private void walk(JsonNode at, String path, int step, List<Found> out) {
        if (at.isMissingNode() || at.isNull()) {
            return;
        }
        if (step == steps.size()) {
            out.add(new Found(path, at));
            return;
        }
        Object s = steps.get(step);
        if (s instanceof String name) {
            walk(at.path(name), JsonPaths.child(path, name), step + 1, out);
        } else if (s instanceof Integer i) {
            walk(at.isArray() ? at.path(i) : MissingNode.getInstance(), JsonPaths.index(path, i), step + 1, out);
        } else if (at.isArray()) {
            for (int i = 0; i < at.size(); i++) {
                walk(at.get(i), JsonPaths.index(path, i), step + 1, out);
            }
        }
    }

    @Override
    public String toString() {
        return text;
    }

    private enum Wildcard { ANY }
}
