package dev.switchboard.media.voice.session;

import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.media.voice.spi.ChatMessage;
import java.util.List;

/**
 * A voice agent talking with one user in a LiveKit room: room audio → 16 kHz → VAD → STT,
 * endpointing, LLM (tools, handoffs) → clauses → TTS → 48 kHz → the published track, with barge-in,
 * transcripts on {@code lk.transcription}, the state in the attribute {@code lk.agent.state}, and
 * per-turn metrics. DSP runs on a shared platform pool, provider and room I/O on their own threads;
 * the session's logic runs serially on its own lane. Thread-safe: every method may be called from
 * any thread.
 */
public interface AgentSession extends AutoCloseable {

    /**
     * Publishes the agent's audio track in {@code room}, starts listening and runs {@code agent}'s
     * {@code onEnter} (its greeting). The room stays the caller's: closing the session does not leave it.
     *
     * @throws dev.switchboard.media.rtc.RtcException if the track could not be published
     */
    static AgentSession start(RoomSession room, Agent agent, SessionOptions options) {
        return AgentSessionImpl.start(room, agent, options);
    }

    /**
     * Runs a session until {@code awaitShutdown} returns or the session ends by itself (the user left,
     * the room disconnected), then closes it and returns its report. This is the body of a worker-mode
     * job: {@code job -> AgentSession.run(job.room(), agent, options, job::awaitShutdown)}.
     */
    static SessionReport run(RoomSession room, Agent agent, SessionOptions options, Runnable awaitShutdown) {
        AgentSession session = start(room, agent, options);
        Thread waiter = Thread.ofVirtual().name("agent-job-shutdown").start(() -> {
            try {
                awaitShutdown.run();
            } finally {
                session.close();
            }
        });
        try {
            session.awaitClosed();
        } finally {
            waiter.interrupt();
            session.close();
        }
        return session.report();
    }

    /** Blocks until the session is closed (by {@link #close()}, the user leaving or the room ending). */
    void awaitClosed();

    /** The session's id (report file name, logs). */
    String id();

    /** The current state. */
    AgentState state();

    /** The active agent. */
    Agent agent();

    /** The application's per-session state from the options. */
    Object userData();

    /** Speaks {@code text} through the TTS after anything already queued; the user may interrupt it. */
    void say(String text);

    /** Speaks {@code text}; with {@code allowInterruptions} false, user speech neither pauses nor stops it. */
    void say(String text, boolean allowInterruptions);

    /** Asks the LLM to reply now, with {@code instructions} added as a system note ("" for none). */
    void generateReply(String instructions);

    /** Stops the agent's current speech (and queued speech) at once, as if the user interrupted. */
    void interrupt();

    /** Hands the conversation to {@code agent} now (as a handoff tool would). */
    void handoff(Agent agent);

    /** The conversation so far (agent messages hold only what the user heard). */
    List<ChatMessage> history();

    /** The report so far. */
    SessionReport report();

    /** Pacing of the agent's audio track: frames sent and frames that left later than their 10 ms slot. */
    dev.switchboard.media.rtc.PacerStats audioStats();

    /** Adds a listener for the session's events. */
    void addListener(SessionListener listener);

    /** Stops listening and speaking, unpublishes the track, writes the report. Idempotent. */
    @Override
    void close();
}
