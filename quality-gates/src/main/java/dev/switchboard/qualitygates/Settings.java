package dev.switchboard.qualitygates;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.GateSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Typed, validating reads of one gate's settings; every problem becomes a
 * {@link dev.switchboard.spi.ConfigException} at {@code location:key}. Not thread-safe (used while
 * building a gate only).
 */
final class Settings {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final GateSettings gate;

    private Settings(GateSettings gate) {
        this.gate = gate;
    }

    /** Reads {@code gate}, first rejecting keys outside {@code known}. */
    static Settings of(GateSettings gate, Set<String> known) {
        Iterator<String> names = gate.settings().fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!known.contains(key)) {
                throw gate.invalid(key, "unknown key for a '" + gate.type() + "' gate; known keys: "
                        + (known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known))));
            }
        }
        return new Settings(gate);
    }

    /** The gate's name. */
    String gateName() {
        return gate.name();
    }

    boolean has(String key) {
        return gate.settings().has(key);
    }

    JsonNode node(String key) {
        return gate.settings().path(key);
    }

    String string(String key) {
        return optionalString(key).orElseThrow(() -> gate.invalid(key, "missing; it is required"));
    }

    Optional<String> optionalString(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode n = node(key);
        if (!n.isTextual() || n.asText().isBlank()) {
            throw gate.invalid(key, "must be a non-empty string, got " + describe(n));
        }
        return Optional.of(n.asText());
    }

    String choice(String key, String fallback, List<String> allowed) {
        String value = optionalString(key).orElse(fallback);
        if (!allowed.contains(value)) {
            throw gate.invalid(key, "must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
        }
        return value;
    }

    List<String> strings(String key) {
        if (!has(key)) {
            return List.of();
        }
        JsonNode n = node(key);
        if (!n.isArray()) {
            throw gate.invalid(key, "must be an array of strings, got " + describe(n));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode item = n.get(i);
            if (!item.isTextual() || item.asText().isEmpty()) {
                throw gate.invalid(key + "[" + i + "]", "must be a non-empty string, got " + describe(item));
            }
            out.add(item.asText());
        }
        return List.copyOf(out);
    }

    int positiveInt(String key) {
        JsonNode n = node(key);
        if (!has(key)) {
            throw gate.invalid(key, "missing; it is required");
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1) {
            throw gate.invalid(key, "must be a whole number of at least 1, got " + describe(n));
        }
        return n.asInt();
    }

    int positiveInt(String key, int fallback) {
        return has(key) ? positiveInt(key) : fallback;
    }

    boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode n = node(key);
        if (!n.isBoolean()) {
            throw gate.invalid(key, "must be true or false, got " + describe(n));
        }
        return n.asBoolean();
    }

    /** A duration written {@code 500ms}, {@code 1s}, {@code 5m}, {@code 1h}, {@code 1d} or ISO-8601. */
    Duration duration(String key, String fallback) {
        String text = optionalString(key).orElse(fallback).trim();
        Duration d;
        Matcher m = DURATION.matcher(text);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            } else {
                d = Duration.parse(text);
            }
        } catch (RuntimeException e) {
            throw gate.invalid(key, "'" + text + "' is not a duration; write 500ms, 1s, 5m, 1h, 1d or PT1M");
        }
        if (d.isNegative() || d.isZero()) {
            throw gate.invalid(key, "must be longer than zero, got '" + text + "'");
        }
        return d;
    }

    Pattern regex(String key) {
        String text = string(key);
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw gate.invalid(key, "invalid regular expression: " + e.getDescription() + " near index "
                    + e.getIndex());
        }
    }

    ParamPath paramPath(String key) {
        String text = string(key);
        try {
            return ParamPath.parse(text);
        } catch (IllegalArgumentException e) {
            throw gate.invalid(key, e.getMessage());
        }
    }

    ConfigException invalid(String key, String message) {
        return gate.invalid(key, message);
    }

    private static String describe(JsonNode n) {
        return n.isMissingNode() ? "nothing" : n.getNodeType().name().toLowerCase(Locale.ROOT) + " " + n;
    }
}
