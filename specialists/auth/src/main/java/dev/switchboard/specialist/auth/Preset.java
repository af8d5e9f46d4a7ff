package dev.switchboard.specialist.auth;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named permission preset: the grants a token of this kind gets. Immutable.
 *
 * @param name lower-kebab name ({@code viewer})
 * @param description one sentence for {@code token.inspect} and docs
 * @param grants what the preset grants
 */
record Preset(String name, String description, Grants grants) {

    Preset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(grants, "grants");
    }

    /** The presets that exist even without configuration; a configured preset of the same name replaces one. */
    static Map<String, Preset> builtIns() {
        return Map.of(
                "viewer", preset("viewer", "Watches and listens; cannot publish or send data.", List.of(),
                        Grant.ROOM_JOIN, Grant.CAN_SUBSCRIBE),
                "speaker", preset("speaker", "Talks, shows video and chats; the usual end-user token.", List.of(),
                        Grant.ROOM_JOIN, Grant.CAN_SUBSCRIBE, Grant.CAN_PUBLISH, Grant.CAN_PUBLISH_DATA,
                        Grant.CAN_UPDATE_OWN_METADATA),
                "moderator", preset("moderator", "A speaker who may also remove and mute others in the room.",
                        List.of(), Grant.ROOM_JOIN, Grant.CAN_SUBSCRIBE, Grant.CAN_PUBLISH, Grant.CAN_PUBLISH_DATA,
                        Grant.CAN_UPDATE_OWN_METADATA, Grant.ROOM_ADMIN),
                "agent", preset("agent", "A voice agent: joins as an agent participant, publishes audio and data.",
                        List.of(), Grant.ROOM_JOIN, Grant.AGENT, Grant.CAN_SUBSCRIBE, Grant.CAN_PUBLISH,
                        Grant.CAN_PUBLISH_DATA, Grant.CAN_UPDATE_OWN_METADATA),
                "recorder", preset("recorder", "A hidden recorder: subscribes to everything, publishes nothing.",
                        List.of(), Grant.ROOM_JOIN, Grant.RECORDER, Grant.HIDDEN, Grant.CAN_SUBSCRIBE));
    }

    /**
     * A preset that sets {@code allowed} to true and every other participant grant to false, so the
     * token states each permission instead of relying on LiveKit's defaults.
     */
    static Preset preset(String name, String description, List<String> sources, Grant... allowed) {
        EnumMap<Grant, Boolean> flags = new EnumMap<>(Grant.class);
        for (Grant g : List.of(Grant.CAN_PUBLISH, Grant.CAN_SUBSCRIBE, Grant.CAN_PUBLISH_DATA,
                Grant.CAN_UPDATE_OWN_METADATA, Grant.HIDDEN, Grant.RECORDER, Grant.AGENT)) {
            flags.put(g, false);
        }
        for (Grant g : allowed) {
            flags.put(g, true);
        }
        return new Preset(name, description, new Grants(flags, sources));
    }
}
