package dev.switchboard.media.rtc.worker;

import dev.switchboard.media.rtc.AgentTokens;
import dev.switchboard.spi.Secret;
import io.livekit.server.AccessToken;
import io.livekit.server.Agent;
import io.livekit.server.CanPublish;
import io.livekit.server.CanPublishData;
import io.livekit.server.CanSubscribe;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import java.util.UUID;

/** Mints the worker's {@code /agent} token and, when an assignment brings none, a job's room token. Stateless. */
final class WorkerTokens {

    private static final long TTL_MILLIS = 60 * 60 * 1000L;

    private WorkerTokens() {
    }

    /** A token with the agent grant only, for the worker WebSocket. */
    static Secret worker(WorkerOptions o) {
        AccessToken token = new AccessToken(o.apiKey(), o.apiSecret().reveal());
        token.setIdentity("worker-" + UUID.randomUUID());
        token.setTtl(TTL_MILLIS);
        token.addGrants(new Agent(true));
        return Secret.of("agent-worker-token", token.toJwt());
    }

    /** A room token for a job's participant: join, publish, subscribe, data, of kind agent ({@link AgentTokens}). */
    static Secret job(WorkerOptions o, String room, String identity, String name) {
        AccessToken token = new AccessToken(o.apiKey(), o.apiSecret().reveal());
        token.setIdentity(identity);
        token.setName(name);
        token.setTtl(TTL_MILLIS);
        token.addGrants(new RoomJoin(true), new RoomName(room), new Agent(true), new CanPublish(true),
                new CanSubscribe(true), new CanPublishData(true));
        return Secret.of("agent-job-token:" + identity, AgentTokens.asAgent(token.toJwt(), o.apiSecret().reveal()));
    }
}
