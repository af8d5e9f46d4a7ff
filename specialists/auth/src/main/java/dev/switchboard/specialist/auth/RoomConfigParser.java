package dev.switchboard.specialist.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.specialist.common.Params;
import java.util.OptionalInt;
import java.util.Set;
import livekit.LivekitAgentDispatch;
import livekit.LivekitRoom;

/**
 * Reads the {@code room-config} of a {@code token.mint} request into LiveKit's {@code RoomConfiguration}:
 * the settings a room gets when this token's participant creates it by joining, including the agents
 * to dispatch. Stateless.
 */
final class RoomConfigParser {

    private static final Set<String> KEYS = Set.of("empty-timeout", "departure-timeout", "max-participants",
            "metadata", "min-playout-delay", "max-playout-delay", "sync-streams", "agents");

    private RoomConfigParser() {
    }

    /**
     * The room configuration for {@code room}.
     *
     * @throws dev.switchboard.specialist.common.InvalidParamException naming {@code $.room-config.<key>}
     */
    static LivekitRoom.RoomConfiguration parse(JsonNode node, String room) {
        if (!node.isObject()) {
            throw Params.invalid("room-config", "must be an object");
        }
        ObjectNode cfg = (ObjectNode) node;
        for (var it = cfg.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw Params.invalid("room-config." + key, "is not a room setting; known: " + String.join(", ",
                        KEYS.stream().sorted().toList()));
            }
        }
        LivekitRoom.RoomConfiguration.Builder b = LivekitRoom.RoomConfiguration.newBuilder().setName(room);
        nonNegative(cfg, "empty-timeout").ifPresent(b::setEmptyTimeout);
        nonNegative(cfg, "departure-timeout").ifPresent(b::setDepartureTimeout);
        nonNegative(cfg, "max-participants").ifPresent(b::setMaxParticipants);
        nonNegative(cfg, "min-playout-delay").ifPresent(b::setMinPlayoutDelay);
        nonNegative(cfg, "max-playout-delay").ifPresent(b::setMaxPlayoutDelay);
        Params.optString(cfg, "metadata").ifPresent(b::setMetadata);
        b.setSyncStreams(Params.bool(cfg, "sync-streams", false));
        JsonNode agents = cfg.path("agents");
        if (!agents.isMissingNode()) {
            if (!agents.isArray()) {
                throw Params.invalid("room-config.agents", "must be an array of {\"agent-name\": ...}");
            }
            for (int i = 0; i < agents.size(); i++) {
                b.addAgents(agent(agents.get(i), "room-config.agents[" + i + "]"));
            }
        }
        return b.build();
    }

    private static LivekitAgentDispatch.RoomAgentDispatch agent(JsonNode node, String where) {
        if (!node.isObject()) {
            throw Params.invalid(where, "must be an object with 'agent-name' and optional 'metadata'");
        }
        for (var it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!key.equals("agent-name") && !key.equals("metadata")) {
                throw Params.invalid(where + "." + key, "is not an agent dispatch setting (agent-name, metadata)");
            }
        }
        JsonNode name = node.path("agent-name");
        if (!name.isTextual() || name.asText().isBlank()) {
            throw Params.invalid(where + ".agent-name", "is required: the name the agent worker registered with");
        }
        JsonNode metadata = node.path("metadata");
        if (!metadata.isMissingNode() && !metadata.isTextual()) {
            throw Params.invalid(where + ".metadata", "must be a string");
        }
        return LivekitAgentDispatch.RoomAgentDispatch.newBuilder().setAgentName(name.asText())
                .setMetadata(metadata.asText("")).build();
    }

    private static OptionalInt nonNegative(ObjectNode cfg, String key) {
        JsonNode v = cfg.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return OptionalInt.empty();
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
            throw Params.invalid("room-config." + key, "must be a non-negative integer");
        }
        return OptionalInt.of(v.asInt());
    }
}
