package dev.switchboard.qualitygates;

import dev.switchboard.spi.GateCheck;
import java.util.List;
import java.util.Optional;

/**
 * What a rate limit or quota counts by: the caller principal, the operation, a parameter's value or
 * nothing (one global budget). Immutable, thread-safe.
 *
 * @param kind {@code caller}, {@code operation}, {@code param} or {@code global}
 * @param path the parameter path with {@code param}
 */
record LimitKey(String kind, Optional<ParamPath> path) {

    static final List<String> KINDS = List.of("caller", "operation", "param", "global");

    /** One resolved key: the budget's name and where in the request it came from. */
    record Resolved(String key, String path, String describe) {
    }

    static LimitKey read(Settings s) {
        String kind = s.choice("key", "caller", KINDS);
        if (kind.equals("param")) {
            return new LimitKey(kind, Optional.of(s.paramPath("path")));
        }
        if (s.has("path")) {
            throw s.invalid("path", "only used with key = \"param\"");
        }
        return new LimitKey(kind, Optional.empty());
    }

    Resolved resolve(GateCheck check) {
        return switch (kind) {
            case "caller" -> {
                String p = check.request().caller().principal();
                yield new Resolved("caller:" + p, "$", "caller '" + Text.clip(p) + "'");
            }
            case "operation" -> new Resolved("operation:" + check.operation().name(), "$",
                    "operation " + check.operation().name());
            case "param" -> {
                ParamPath p = path.orElseThrow();
                List<ParamPath.Found> found = p.resolve(check.request().params());
                String value = found.isEmpty() ? "" : found.get(0).value().asText();
                String at = found.isEmpty() ? p.displayPath() : found.get(0).path();
                yield new Resolved("param:" + value, at, "parameter " + p + " = '" + Text.clip(value) + "'");
            }
            default -> new Resolved("global", "$", "all callers");
        };
    }
}
