package dev.switchboard.specialist.media;

import dev.switchboard.media.rtc.AgentTokens;
import dev.switchboard.media.rtc.ConnectOptions;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.voice.session.AgentSession;
import dev.switchboard.media.voice.session.SessionOptions;
import dev.switchboard.spi.Secret;
import io.livekit.server.AccessToken;
import io.livekit.server.CanUpdateOwnMetadata;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts voice agent sessions for the specialist: mints the agent's token from the LiveKit settings,
 * joins through the shared {@code RtcClient}, and runs a resolved agent on the process's VAD and the
 * agent's providers. Thread-safe.
 */
final class AgentRunner {

    /** A running session and the room connection it owns. */
    record Running(AgentSession session, RoomSession roomSession, String room, String identity) {
        void close() {
            session.close();
            roomSession.close();
        }
    }

    private final MediaRuntime runtime;

    AgentRunner(MediaRuntime runtime) {
        this.runtime = runtime;
    }

    /** The options a session of {@code agent} runs on; {@code listenTo} picks the participant heard. */
    static SessionOptions options(MediaRuntime runtime, ResolvedAgent agent, Optional<String> listenTo) {
        SessionOptions.Builder options = SessionOptions.builder(runtime.vad()).time(runtime.context().time());
        agent.stt().ifPresent(options::stt);
        agent.llm().ifPresent(options::llm);
        agent.tts().ifPresent(options::tts);
        listenTo.ifPresent(options::participantIdentity);
        return options.build();
    }

    Running start(String room, ResolvedAgent agent, Optional<String> listenTo) {
        String identity = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        AccessToken token = new AccessToken(runtime.liveKit().apiKey(), runtime.liveKit().apiSecret().reveal());
        token.setIdentity(identity);
        token.setName(agent.agent().name());
        token.addGrants(new RoomJoin(true), new RoomName(room), new CanUpdateOwnMetadata(true),
                new io.livekit.server.Agent(true));
        RoomSession roomSession = runtime.rtc().connect(ConnectOptions.of(runtime.liveKit().url(),
                Secret.of("media-agent-token:" + identity,
                        AgentTokens.asAgent(token.toJwt(), runtime.liveKit().apiSecret().reveal()))));
        try {
            AgentSession session = AgentSession.start(roomSession, agent.agent(), options(runtime, agent, listenTo));
            return new Running(session, roomSession, room, identity);
        } catch (RuntimeException e) {
            roomSession.close();
            throw e;
        }
    }
}
