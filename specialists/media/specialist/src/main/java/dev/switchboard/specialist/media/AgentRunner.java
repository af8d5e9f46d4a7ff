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

    /**
     * How a session meets its room: whom it listens to (empty: the first person), whether typed chat
     * ({@code lk.chat}) is a turn, and whether its transcript is revealed as it is played.
     */
    record RoomInput(Optional<String> listenTo, boolean textInput, boolean syncTranscription) {
        static final RoomInput DEFAULTS = new RoomInput(Optional.empty(), true, true);
    }

    /** The options a session of {@code agent} runs on, meeting its room as {@code in} says. */
    static SessionOptions options(MediaRuntime runtime, ResolvedAgent agent, RoomInput in) {
        SessionOptions.Builder options = SessionOptions.builder(runtime.vad()).time(runtime.context().time());
        agent.stt().ifPresent(options::stt);
        agent.llm().ifPresent(options::llm);
        agent.tts().ifPresent(options::tts);
        in.listenTo().ifPresent(options::participantIdentity);
        return options.textInput(in.textInput()).syncTranscription(in.syncTranscription()).build();
    }

    Running start(String room, ResolvedAgent agent, RoomInput in) {
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
            AgentSession session = AgentSession.start(roomSession, agent.agent(), options(runtime, agent, in));
            return new Running(session, roomSession, room, identity);
        } catch (RuntimeException e) {
            roomSession.close();
            throw e;
        }
    }
}
