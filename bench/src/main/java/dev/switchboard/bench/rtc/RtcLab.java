package dev.switchboard.bench.rtc;

import dev.switchboard.media.rtc.ConnectOptions;
import dev.switchboard.media.rtc.RtcClient;
import dev.switchboard.spi.Secret;
import dev.switchboard.testkit.livekit.LiveKitNetwork;
import dev.switchboard.testkit.livekit.LiveKitServer;
import io.livekit.server.AccessToken;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;

/**
 * What every realtime harness needs: a real livekit-server in its own network namespace (WebRTC over
 * a veth pair, {@code --node-ip} set by the testkit), one {@link RtcClient} (the shared native engine)
 * and join tokens signed with the server's key. {@link #close()} stops both. Not thread-safe except
 * {@link #token} and {@link #options}.
 */
final class RtcLab implements AutoCloseable {

    private final LiveKitServer server;
    private final RtcClient client;

    private RtcLab(LiveKitServer server, RtcClient client) {
        this.server = server;
        this.client = client;
    }

    static RtcLab start() {
        LiveKitServer server = LiveKitServer.builder().network(LiveKitNetwork.NAMESPACE).logLevel("warn").start();
        try {
            return new RtcLab(server, RtcClient.create());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    LiveKitServer server() {
        return server;
    }

    RtcClient client() {
        return client;
    }

    /** A join token for {@code identity} in {@code room}. */
    Secret token(String identity, String room) {
        AccessToken token = new AccessToken(server.apiKey(), server.apiSecret().reveal());
        token.setIdentity(identity);
        token.setName(identity);
        token.addGrants(new RoomJoin(true), new RoomName(room));
        return Secret.of("bench-token:" + identity, token.toJwt());
    }

    ConnectOptions options(String identity, String room) {
        return ConnectOptions.of(server.wsUrl(), token(identity, room));
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            server.close();
        }
    }
}
