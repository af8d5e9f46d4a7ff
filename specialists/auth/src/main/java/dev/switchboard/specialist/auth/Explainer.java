package dev.switchboard.specialist.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns an {@link Inspection} into plain sentences for operators debugging authentication. Stateless. */
final class Explainer {

    private Explainer() {
    }

    static List<String> explain(Inspection in) {
        List<String> out = new ArrayList<>();
        out.add((in.valid() ? "VALID: " : "NOT VALID (" + in.verdict().label() + "): ") + in.reason() + ".");
        in.expiresAt().filter(e -> in.valid()).ifPresent(e -> out.add("Expires at " + e + ", in "
                + Durations.human(Duration.between(in.checkedAt(), e)) + "."));
        String identity = in.identity();
        String name = in.claims().path("name").asText("");
        String room = in.room();
        Grants grants = in.grants();
        if (identity.isEmpty()) {
            out.add("No identity: the token can call server APIs but cannot join a room.");
        } else {
            out.add("Participant '" + identity + "'" + (name.isEmpty() ? "" : " (display name '" + name + "')")
                    + (room.isEmpty() ? ", no room named." : " in room '" + room + "'."));
        }
        if (!grants.allows(Grant.ROOM_JOIN) && !identity.isEmpty()) {
            out.add("It cannot join: the room-join grant is missing, so livekit-server answers 401 to /rtc.");
        }
        for (Grant g : Grant.values()) {
            grants.get(g).ifPresent(v -> out.add("- " + sentence(g, v, grants)));
        }
        defaults(grants).forEach(out::add);
        JsonNode attributes = in.claims().path("attributes");
        if (attributes.isObject() && !attributes.isEmpty()) {
            List<String> names = new ArrayList<>();
            attributes.fieldNames().forEachRemaining(names::add);
            out.add("Attributes: " + String.join(", ", names) + ".");
        }
        String metadata = in.claims().path("metadata").asText("");
        if (!metadata.isEmpty()) {
            out.add("Metadata: " + metadata.length() + " characters.");
        }
        roomConfig(in.claims().path("roomConfig")).ifPresent(out::add);
        return out;
    }

    private static String sentence(Grant g, boolean v, Grants grants) {
        if (g == Grant.CAN_PUBLISH && v && !grants.sources().isEmpty()) {
            return "may publish only these sources: " + String.join(", ", grants.sources());
        }
        return g.explain(v);
    }

    /** What LiveKit assumes for the participant grants the token leaves out (protocol auth/grants.go). */
    private static List<String> defaults(Grants grants) {
        List<String> out = new ArrayList<>();
        if (!grants.allows(Grant.ROOM_JOIN)) {
            return out;
        }
        if (grants.get(Grant.CAN_PUBLISH).isEmpty()) {
            out.add("- can-publish not set: LiveKit's default applies (may publish)");
        }
        if (grants.get(Grant.CAN_SUBSCRIBE).isEmpty()) {
            out.add("- can-subscribe not set: LiveKit's default applies (may subscribe)");
        }
        if (grants.get(Grant.CAN_PUBLISH_DATA).isEmpty()) {
            out.add("- can-publish-data not set: it follows can-publish");
        }
        return out;
    }

    /** A room-config field in either JSON spelling: protojson camelCase or the proto name the Kotlin SDK writes. */
    private static Optional<JsonNode> field(JsonNode node, String camel, String snake) {
        JsonNode v = node.has(camel) ? node.path(camel) : node.path(snake);
        return v.isMissingNode() ? Optional.empty() : Optional.of(v);
    }

    private static Optional<String> roomConfig(JsonNode cfg) {
        if (!cfg.isObject() || cfg.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        field(cfg, "emptyTimeout", "empty_timeout").ifPresent(v -> parts.add("empty timeout " + v.asInt() + " s"));
        field(cfg, "departureTimeout", "departure_timeout")
                .ifPresent(v -> parts.add("departure timeout " + v.asInt() + " s"));
        field(cfg, "maxParticipants", "max_participants")
                .ifPresent(v -> parts.add("at most " + v.asInt() + " participants"));
        List<String> agents = new ArrayList<>();
        cfg.path("agents").forEach(a -> agents.add("'" + field(a, "agentName", "agent_name")
                .map(JsonNode::asText).orElse("") + "'"));
        if (!agents.isEmpty()) {
            parts.add("agents dispatched on creation: " + String.join(", ", agents));
        }
        return Optional.of("If its room does not exist yet, joining creates it with: "
                + (parts.isEmpty() ? "the server's defaults" : String.join("; ", parts)) + ".");
    }
}
