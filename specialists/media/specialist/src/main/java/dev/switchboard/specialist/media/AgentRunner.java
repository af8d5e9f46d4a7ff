package dev.switchboard.specialist.media;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchboard.media.rtc.ConnectOptions;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.media.voice.provider.espeak.EspeakTtsFactory;
import dev.switchboard.media.voice.session.AgentSession;
import dev.switchboard.media.voice.session.SessionOptions;
import dev.switchboard.media.voice.spi.ProviderSettings;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.media.voice.vad.SileroVad;
import dev.switchboard.media.voice.vad.Vad;
import dev.switchboard.media.voice.vad.VadModelException;
import dev.switchboard.media.voice.vad.WebRtcVad;
import dev.switchboard.spi.Secret;
import io.livekit.server.AccessToken;
import io.livekit.server.CanUpdateOwnMetadata;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts voice agent sessions for the specialist: mints the agent's token from the LiveKit settings,
 * joins through the shared {@code RtcClient}, and builds the session on the process's VAD (Silero,
 * or WebRTC's VAD when the Silero model is missing) and espeak-ng. Thread-safe.
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
    private Vad vad;
    private TextToSpeech tts;

    AgentRunner(MediaRuntime runtime) {
        this.runtime = runtime;
    }

    private synchronized Vad vad() {
        if (vad == null) {
            try {
                vad = SileroVad.create();
            } catch (VadModelException e) {
                runtime.context().logger().log(System.Logger.Level.WARNING,
                        "Silero VAD unavailable, using WebRTC's VAD: " + e.getMessage());
                vad = WebRtcVad.create();
            }
        }
        return vad;
    }

    private synchronized TextToSpeech tts() {
        if (tts == null) {
            tts = new EspeakTtsFactory().create(new ProviderSettings("espeak", JsonNodeFactory.instance.objectNode(),
                    runtime.context().secrets(), runtime.context().time()));
        }
        return tts;
    }

    Running start(String room, String agentName, String greeting, Optional<String> listenTo) {
        String identity = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        AccessToken token = new AccessToken(runtime.liveKit().apiKey(), runtime.liveKit().apiSecret().reveal());
        token.setIdentity(identity);
        token.setName(agentName);
        token.addGrants(new RoomJoin(true), new RoomName(room), new CanUpdateOwnMetadata(true),
                new io.livekit.server.Agent(true));
        RoomSession roomSession = runtime.rtc().connect(ConnectOptions.of(runtime.liveKit().url(),
                Secret.of("media-agent-token:" + identity, token.toJwt())));
        try {
            SessionOptions.Builder options = SessionOptions.builder(vad()).tts(tts());
            listenTo.ifPresent(options::participantIdentity);
            AgentSession session = AgentSession.start(roomSession, Agent.echo(greeting), options.build());
            return new Running(session, roomSession, room, identity);
        } catch (RuntimeException e) {
            roomSession.close();
            throw e;
        }
    }
}
