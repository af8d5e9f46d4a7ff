package dev.switchboard.specialist.auth;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The boolean LiveKit video grants a token can carry: the TOML/request name (kebab-case), the JWT
 * claim name inside {@code video}, and what it means in plain words. Immutable.
 */
enum Grant {
    ROOM_JOIN("room-join", "roomJoin", "may join the room", "may not join any room"),
    CAN_PUBLISH("can-publish", "canPublish", "may publish audio and video tracks", "may not publish tracks"),
    CAN_SUBSCRIBE("can-subscribe", "canSubscribe", "may subscribe to (hear and see) other participants' tracks",
            "may not subscribe to other participants' tracks"),
    CAN_PUBLISH_DATA("can-publish-data", "canPublishData", "may send data messages and chat",
            "may not send data messages"),
    CAN_UPDATE_OWN_METADATA("can-update-own-metadata", "canUpdateOwnMetadata",
            "may change its own name, metadata and attributes", "may not change its own name, metadata or attributes"),
    HIDDEN("hidden", "hidden", "is hidden from the other participants", "is visible to the other participants"),
    RECORDER("recorder", "recorder", "is marked as a recorder", "is not a recorder"),
    AGENT("agent", "agent", "is marked as an agent", "is not an agent"),
    ROOM_ADMIN("room-admin", "roomAdmin", "may moderate the room (remove and mute participants, update metadata)",
            "may not moderate the room"),
    ROOM_CREATE("room-create", "roomCreate", "may create and delete rooms through the server API",
            "may not create or delete rooms"),
    ROOM_LIST("room-list", "roomList", "may list rooms through the server API", "may not list rooms"),
    ROOM_RECORD("room-record", "roomRecord", "may start and stop recordings (egress)", "may not record"),
    INGRESS_ADMIN("ingress-admin", "ingressAdmin", "may manage ingress", "may not manage ingress");

    /** The list-valued grant that limits what a publisher may publish. */
    static final String SOURCES = "can-publish-sources";
    /** The sources LiveKit knows for {@value #SOURCES}. */
    static final List<String> KNOWN_SOURCES = List.of("camera", "microphone", "screen_share", "screen_share_audio");

    private final String key;
    private final String claim;
    private final String allowed;
    private final String denied;

    Grant(String key, String claim, String allowed, String denied) {
        this.key = key;
        this.claim = claim;
        this.allowed = allowed;
        this.denied = denied;
    }

    /** The kebab-case name used in TOML presets and requests. */
    String key() {
        return key;
    }

    /** The claim name inside the JWT's {@code video} object. */
    String claim() {
        return claim;
    }

    /** One sentence (without subject) for the grant's value. */
    String explain(boolean value) {
        return value ? allowed : denied;
    }

    static Optional<Grant> byKey(String key) {
        return Arrays.stream(values()).filter(g -> g.key.equals(key)).findFirst();
    }

    static Optional<Grant> byClaim(String claim) {
        return Arrays.stream(values()).filter(g -> g.claim.equals(claim)).findFirst();
    }

    /** Every accepted key, for error messages. */
    static String knownKeys() {
        return String.join(", ", Arrays.stream(values()).map(Grant::key).toList()) + ", " + SOURCES;
    }
}
