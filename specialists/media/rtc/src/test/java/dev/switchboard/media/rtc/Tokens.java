package dev.switchboard.media.rtc;

import dev.switchboard.spi.Secret;
import dev.switchboard.testkit.livekit.LiveKitServer;
import io.livekit.server.AccessToken;
import io.livekit.server.CanUpdateOwnMetadata;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;

/** Participant tokens for a testkit server, signed with its key (or, for refusal tests, with a wrong one). */
final class Tokens {

    private Tokens() {
    }

    /** Options to join {@code room} as {@code identity}, with the defaults. */
    static ConnectOptions options(LiveKitServer server, String identity, String room) {
        return ConnectOptions.of(server.wsUrl(), join(server, identity, room));
    }

    static Secret join(LiveKitServer server, String identity, String room) {
        return sign(server.apiKey(), server.apiSecret().reveal(), identity, room, "test-token:");
    }

    /** An agent's token (kind agent): it may also set its own attributes and metadata. */
    static Secret agent(LiveKitServer server, String identity, String room) {
        AccessToken token = new AccessToken(server.apiKey(), server.apiSecret().reveal());
        token.setIdentity(identity);
        token.setName(identity);
        token.addGrants(new RoomJoin(true), new RoomName(room), new CanUpdateOwnMetadata(true));
        return Secret.of("agent-token:" + identity, AgentTokens.asAgent(token.toJwt(), server.apiSecret().reveal()));
    }

    static Secret forged(LiveKitServer server, String identity, String room) {
        return sign(server.apiKey(), "not-the-secret-not-the-secret-not-the-secret", identity, room, "forged-token:");
    }

    private static Secret sign(String key, String secret, String identity, String room, String reference) {
        AccessToken token = new AccessToken(key, secret);
        token.setIdentity(identity);
        token.setName(identity);
        token.addGrants(new RoomJoin(true), new RoomName(room));
        return Secret.of(reference + identity, token.toJwt());
    }
}
