package dev.switchboard.coordinator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.coordinator.modes.ModeSection;
import dev.switchboard.coordinator.modes.ModeSet;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code [coordinator]} table of the modes. Immutable.
 *
 * @param defaultTimeout how long an operation may run when its request has no earlier deadline;
 *     key {@code default-timeout}, default {@code 30s}
 * @param drainTimeout how long {@code close()} waits for running requests; key {@code drain-timeout},
 *     default {@code 30s}
 * @param journalFsync whether journal records are forced to disk (unless the builder says otherwise);
 *     key {@code journal-fsync}, default {@code true}
 */
record CoordinatorSettings(Duration defaultTimeout, Duration drainTimeout, boolean journalFsync) {

    static final CoordinatorSettings DEFAULTS =
            new CoordinatorSettings(Duration.ofSeconds(30), Duration.ofSeconds(30), true);

    private static final Set<String> KEYS = Set.of("default-timeout", "drain-timeout", "journal-fsync");

    CoordinatorSettings {
        Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        Objects.requireNonNull(drainTimeout, "drainTimeout");
    }

    /** Reads the {@code [coordinator]} table; absent keys keep their defaults. */
    static CoordinatorSettings from(ModeSet modes) {
        Optional<ModeSection> section = modes.section("coordinator");
        if (section.isEmpty()) {
            return DEFAULTS;
        }
        ModeSection s = section.get();
        for (Iterator<String> names = s.tree().fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw s.invalid(name, "unknown key '" + name + "'; known keys: " + String.join(", ", KEYS.stream()
                        .sorted().toList()));
            }
        }
        return new CoordinatorSettings(
                duration(s, "default-timeout", DEFAULTS.defaultTimeout()),
                duration(s, "drain-timeout", DEFAULTS.drainTimeout()),
                flag(s, "journal-fsync", DEFAULTS.journalFsync()));
    }

    private static boolean flag(ModeSection s, String key, boolean fallback) {
        JsonNode node = s.tree().get(key);
        if (node == null) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw s.invalid(key, "expected true or false, got " + node);
        }
        return node.asBoolean();
    }

    private static Duration duration(ModeSection s, String key, Duration fallback) {
        JsonNode node = s.tree().get(key);
        if (node == null) {
            return fallback;
        }
        Optional<Duration> parsed = node.isTextual() ? Durations.parse(node.asText()) : Optional.empty();
        if (parsed.isEmpty() || parsed.get().isNegative() || parsed.get().isZero()) {
            throw s.invalid(key, "expected a positive duration such as \"250ms\", \"30s\", \"2m\" or \"PT30S\", got "
                    + node);
        }
        return parsed.get();
    }
}
