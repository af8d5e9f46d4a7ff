package dev.switchboard.specialist.media;

import dev.switchboard.media.rtc.RtcClient;
import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.media.voice.vad.SileroVad;
import dev.switchboard.media.voice.vad.Vad;
import dev.switchboard.media.voice.vad.VadModelException;
import dev.switchboard.media.voice.vad.WebRtcVad;
import dev.switchboard.specialist.common.LiveKitSettings;
import dev.switchboard.spi.SpecialistContext;
import java.util.Map;
import java.util.Objects;

/**
 * What a started media specialist shares between its handlers: the context, the LiveKit settings, the
 * agents it knows, one {@link RtcClient} (the native WebRTC engine) and one VAD, both created on first
 * use because loading them costs time and memory that operations without media do not need.
 * Thread-safe.
 */
final class MediaRuntime implements AutoCloseable {

    private final SpecialistContext context;
    private final LiveKitSettings liveKit;
    private final AgentLibrary agents;
    private RtcClient rtc;
    private Vad vad;
    private boolean closed;

    MediaRuntime(SpecialistContext context, LiveKitSettings liveKit, Map<String, Agent> javaAgents) {
        this.context = Objects.requireNonNull(context, "context");
        this.liveKit = Objects.requireNonNull(liveKit, "liveKit");
        this.agents = new AgentLibrary(context, javaAgents);
    }

    SpecialistContext context() {
        return context;
    }

    LiveKitSettings liveKit() {
        return liveKit;
    }

    /** The agents by name. */
    AgentLibrary agents() {
        return agents;
    }

    /** The voice activity detector every session shares: Silero, or WebRTC's VAD when its model is missing. */
    synchronized Vad vad() {
        if (vad == null) {
            try {
                vad = SileroVad.create();
            } catch (VadModelException e) {
                context.logger().log(System.Logger.Level.WARNING,
                        "Silero VAD unavailable, using WebRTC's VAD: " + e.getMessage());
                vad = WebRtcVad.create();
            }
        }
        return vad;
    }

    /** The shared WebRTC engine, started on the first call. */
    synchronized RtcClient rtc() {
        if (closed) {
            throw new IllegalStateException("the media specialist is stopped");
        }
        if (rtc == null) {
            rtc = RtcClient.create();
        }
        return rtc;
    }

    /** Closes the engine (and with it every session still open). Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        if (rtc != null) {
            rtc.close();
            rtc = null;
        }
    }
}
