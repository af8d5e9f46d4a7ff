package dev.switchboard.specialist.media;

import dev.switchboard.specialist.common.LiveKitSettings;
import dev.switchboard.spi.Secret;
import io.livekit.server.AccessToken;
import io.livekit.server.CanPublish;
import io.livekit.server.CanPublishData;
import io.livekit.server.CanSubscribe;
import io.livekit.server.Hidden;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;

/** Mints the data bridge participant's token: data only, hidden unless asked otherwise, one hour. Stateless. */
final class BridgeTokens {

    private static final long TTL_MILLIS = 60 * 60 * 1000L;

    private BridgeTokens() {
    }

    static Secret bridge(LiveKitSettings lk, String room, String identity, boolean hidden) {
        AccessToken token = new AccessToken(lk.apiKey(), lk.apiSecret().reveal());
        token.setIdentity(identity);
        token.setName("Switchboard data bridge");
        token.setTtl(TTL_MILLIS);
        token.addGrants(new RoomJoin(true), new RoomName(room), new Hidden(hidden), new CanPublishData(true),
                new CanPublish(false), new CanSubscribe(true));
        return Secret.of("data-bridge-token:" + identity, token.toJwt());
    }
}
