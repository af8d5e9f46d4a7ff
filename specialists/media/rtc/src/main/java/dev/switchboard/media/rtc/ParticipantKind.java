package dev.switchboard.media.rtc;

import livekit.LivekitModels.ParticipantInfo;

/**
 * What kind of participant the server says someone is: a person's client ({@link #STANDARD}), a phone
 * call ({@link #SIP}), an agent (a token with the agent grant), ingress, egress, a connector or a bridge.
 * {@link #UNKNOWN} for kinds newer than this library. Immutable, thread-safe.
 */
public enum ParticipantKind {
    /** A regular client (browser, mobile, SDK). */
    STANDARD,
    /** Media streamed in through LiveKit Ingress. */
    INGRESS,
    /** LiveKit Egress recording or streaming the room. */
    EGRESS,
    /** A phone call through LiveKit SIP. */
    SIP,
    /** An agent (its token carries the agent grant). */
    AGENT,
    /** A connector service. */
    CONNECTOR,
    /** A bridge service. */
    BRIDGE,
    /** A kind this library does not know. */
    UNKNOWN;

    static ParticipantKind of(ParticipantInfo.Kind kind) {
        return switch (kind) {
            case STANDARD -> STANDARD;
            case INGRESS -> INGRESS;
            case EGRESS -> EGRESS;
            case SIP -> SIP;
            case AGENT -> AGENT;
            case CONNECTOR -> CONNECTOR;
            case BRIDGE -> BRIDGE;
            case UNRECOGNIZED -> UNKNOWN;
        };
    }
}
