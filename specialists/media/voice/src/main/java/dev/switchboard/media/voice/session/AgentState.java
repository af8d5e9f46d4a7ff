package dev.switchboard.media.voice.session;

import java.util.Locale;

/**
 * Where an {@link AgentSession} is in its conversation, published as the participant attribute
 * {@code lk.agent.state} (the values LiveKit's clients understand, plus {@code away} and {@code closed}).
 */
public enum AgentState {
    /** Joining, publishing the audio track, running the agent's {@code onEnter}. */
    INITIALIZING,
    /** Waiting for, or hearing, the user. */
    LISTENING,
    /** The user's turn ended; the agent is generating a reply (LLM, tools). */
    THINKING,
    /** The agent's audio is playing. */
    SPEAKING,
    /** The user has been silent for the turn handling's {@code userAwayTimeout}. */
    AWAY,
    /** The session ended; no further events. */
    CLOSED;

    /** The attribute value ({@code listening}, ...). */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
