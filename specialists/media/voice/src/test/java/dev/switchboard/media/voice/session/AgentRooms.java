package dev.switchboard.media.voice.session;

import dev.switchboard.media.rtc.ConnectOptions;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcClient;
import dev.switchboard.spi.Secret;
import dev.switchboard.testkit.livekit.LiveKitServer;
import io.livekit.server.AccessToken;
import io.livekit.server.CanUpdateOwnMetadata;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;

/** Joins agents and users to rooms of a testkit livekit-server. */
final class AgentRooms {

    private AgentRooms() {
    }

    static RoomSession agent(RtcClient client, LiveKitServer server, String room) {
        return client.connect(ConnectOptions.of(server.wsUrl(), token(server, "agent", room, true)));
    }

    static TestUser user(RtcClient client, LiveKitServer server, String room) {
        return new TestUser(client.connect(ConnectOptions.of(server.wsUrl(), token(server, "user", room, false))),
                "agent");
    }

    private static Secret token(LiveKitServer server, String identity, String room, boolean agent) {
        AccessToken token = new AccessToken(server.apiKey(), server.apiSecret().reveal());
        token.setIdentity(identity);
        token.setName(identity);
        token.addGrants(new RoomJoin(true), new RoomName(room));
        if (agent) {
            token.addGrants(new CanUpdateOwnMetadata(true));
        }
        return Secret.of("test-token:" + identity, token.toJwt());
    }
}
