package dev.switchboard.specialist.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.specialist.common.Params;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.TimeSource;
import io.livekit.server.AccessToken;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import livekit.LivekitRoom;

/**
 * {@code token.mint}: a preset plus request overrides become a LiveKit access token signed with the
 * first configured key. Thread-safe (holds only immutable settings).
 */
final class TokenMinter {

    private final AuthSettings settings;
    private final TimeSource time;

    TokenMinter(AuthSettings settings, TimeSource time) {
        this.settings = settings;
        this.time = time;
    }

    /**
     * Mints one token.
     *
     * @throws dev.switchboard.specialist.common.InvalidParamException for a bad or contradictory parameter
     */
    OperationResult mint(ObjectNode params) {
        Optional<String> identity = Params.optString(params, "identity").filter(s -> !s.isBlank());
        Optional<String> room = Params.optString(params, "room").filter(s -> !s.isBlank());
        Optional<Preset> preset = preset(params);
        Grants overrides = GrantsParser.request(params.path("grants"), "grants");
        if (preset.isEmpty() && overrides.flags().isEmpty()) {
            throw Params.invalid("preset", "is required unless 'grants' are given; presets: " + presetNames());
        }
        Grants grants = preset.map(Preset::grants).orElse(Grants.NONE).with(overrides);
        if (grants.allows(Grant.ROOM_JOIN) && identity.isEmpty()) {
            throw Params.invalid("identity", "is required for a token that joins a room");
        }
        if ((grants.allows(Grant.ROOM_JOIN) || grants.allows(Grant.ROOM_ADMIN)) && room.isEmpty()) {
            throw Params.invalid("room", "is required for a token that joins or moderates a room");
        }
        Duration ttl = ttl(params.path("ttl"));
        Instant now = time.now();
        Instant expires = now.plus(ttl);

        KeyPair key = settings.signing();
        AccessToken token = new AccessToken(key.key(), key.secret().reveal());
        identity.ifPresent(token::setIdentity);
        Params.optString(params, "name").ifPresent(token::setName);
        Params.optString(params, "metadata").ifPresent(token::setMetadata);
        Map<String, String> attributes = Params.stringMap(params, "attributes");
        token.getAttributes().putAll(attributes);
        token.setNotBefore(Date.from(now));
        token.setExpiration(Date.from(expires));
        token.addGrants(SdkGrants.of(grants, room));
        JsonNode roomConfig = params.path("room-config");
        if (!roomConfig.isMissingNode()) {
            LivekitRoom.RoomConfiguration cfg = RoomConfigParser.parse(roomConfig,
                    room.orElseThrow(() -> Params.invalid("room", "is required when 'room-config' is given")));
            token.setRoomConfiguration(cfg);
        }

        ObjectNode out = Json.object();
        out.put("token", token.toJwt());
        out.put("key", key.key());
        identity.ifPresent(i -> out.put("identity", i));
        room.ifPresent(r -> out.put("room", r));
        preset.ifPresent(p -> out.put("preset", p.name()));
        out.put("expires-at", expires.toString());
        out.put("ttl-seconds", ttl.getSeconds());
        out.set("grants", grants.toJson());
        return OperationResult.success(out);
    }

    private Optional<Preset> preset(ObjectNode params) {
        Optional<String> name = Params.optString(params, "preset");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Preset p = settings.presets().get(name.get());
        if (p == null) {
            throw Params.invalid("preset", "names no preset: '" + name.get() + "'; presets: " + presetNames());
        }
        return Optional.of(p);
    }

    private Duration ttl(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return settings.defaultTtl();
        }
        Duration ttl = Durations.parse(node).orElseThrow(() -> Params.invalid("ttl",
                "must be seconds or a number with s, m, h or d (\"2h\"), got " + node));
        if (ttl.compareTo(settings.minTtl()) < 0) {
            throw Params.invalid("ttl", Durations.human(ttl) + " is shorter than the minimum "
                    + Durations.human(settings.minTtl()) + " (specialists.auth.ttl.min)");
        }
        if (ttl.compareTo(settings.maxTtl()) > 0) {
            throw Params.invalid("ttl", Durations.human(ttl) + " is longer than the maximum "
                    + Durations.human(settings.maxTtl()) + " (specialists.auth.ttl.max)");
        }
        return ttl;
    }

    private String presetNames() {
        return String.join(", ", settings.presets().keySet().stream().sorted().toList());
    }
}
