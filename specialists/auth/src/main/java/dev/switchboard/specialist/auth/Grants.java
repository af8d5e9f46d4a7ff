package dev.switchboard.specialist.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.Json;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A set of grant values: each {@link Grant} set to true or false or left out, plus the optional list of
 * sources a publisher may publish. Immutable; {@link #with} returns a new set.
 *
 * @param flags the boolean grants that are set
 * @param sources the {@code can-publish-sources} list; empty means "any source" (LiveKit's default)
 */
record Grants(Map<Grant, Boolean> flags, List<String> sources) {

    static final Grants NONE = new Grants(Map.of(), List.of());

    Grants {
        EnumMap<Grant, Boolean> copy = new EnumMap<>(Grant.class);
        copy.putAll(flags);
        flags = Collections.unmodifiableMap(copy);
        sources = List.copyOf(sources);
    }

    /** This set with {@code overrides} applied on top. */
    Grants with(Grants overrides) {
        EnumMap<Grant, Boolean> merged = new EnumMap<>(Grant.class);
        merged.putAll(flags);
        merged.putAll(overrides.flags);
        return new Grants(merged, overrides.sources.isEmpty() ? sources : overrides.sources);
    }

    /** The value of {@code grant}, when set. */
    Optional<Boolean> get(Grant grant) {
        return Optional.ofNullable(flags.get(grant));
    }

    /** Whether {@code grant} is set to true. */
    boolean allows(Grant grant) {
        return Boolean.TRUE.equals(flags.get(grant));
    }

    /** The kebab-case JSON form ({@code {"room-join":true,...}}), as presets and results show it. */
    ObjectNode toJson() {
        ObjectNode out = Json.object();
        flags.forEach((g, v) -> out.put(g.key(), v));
        if (!sources.isEmpty()) {
            sources.forEach(out.putArray(Grant.SOURCES)::add);
        }
        return out;
    }

    /** Reads the JWT {@code video} claim object (camelCase names); unknown claims are ignored. */
    static Grants fromClaim(JsonNode video) {
        EnumMap<Grant, Boolean> flags = new EnumMap<>(Grant.class);
        for (var it = video.properties().iterator(); it.hasNext();) {
            var e = it.next();
            Grant.byClaim(e.getKey()).filter(g -> e.getValue().isBoolean())
                    .ifPresent(g -> flags.put(g, e.getValue().asBoolean()));
        }
        List<String> sources = new java.util.ArrayList<>();
        video.path("canPublishSources").forEach(s -> sources.add(s.asText()));
        return new Grants(flags, sources);
    }
}
