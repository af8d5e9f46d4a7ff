package dev.switchboard.specialist.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.specialist.common.Params;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;

/** Reads the {@code grants} override of a {@code token.mint} request, failing with a JSON path. Stateless. */
final class GrantsParser {

    private GrantsParser() {
    }

    /**
     * The grants in {@code node} (a JSON object at request key {@code key}).
     *
     * @throws dev.switchboard.specialist.common.InvalidParamException naming {@code $.grants.<name>}
     */
    static Grants request(JsonNode node, String key) {
        if (node.isMissingNode() || node.isNull()) {
            return Grants.NONE;
        }
        if (!node.isObject()) {
            throw Params.invalid(key, "must be an object of grants, like {\"can-publish\": false}");
        }
        EnumMap<Grant, Boolean> flags = new EnumMap<>(Grant.class);
        List<String> sources = List.of();
        for (var it = node.properties().iterator(); it.hasNext();) {
            var e = it.next();
            String path = key + "." + e.getKey();
            if (e.getKey().equals(Grant.SOURCES)) {
                sources = sources(e.getValue()).orElseThrow(() -> Params.invalid(path,
                        "must be an array of " + Grant.KNOWN_SOURCES));
                continue;
            }
            Grant grant = Grant.byKey(e.getKey()).orElseThrow(() -> Params.invalid(path,
                    "is not a grant; known grants: " + Grant.knownKeys()));
            if (!e.getValue().isBoolean()) {
                throw Params.invalid(path, "must be true or false");
            }
            flags.put(grant, e.getValue().asBoolean());
        }
        return new Grants(flags, sources);
    }

    /** A list of known publish sources, or empty when {@code node} is not one. */
    static Optional<List<String>> sources(JsonNode node) {
        if (!node.isArray()) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode s : node) {
            if (!s.isTextual() || !Grant.KNOWN_SOURCES.contains(s.asText())) {
                return Optional.empty();
            }
            out.add(s.asText());
        }
        return Optional.of(out);
    }
}
