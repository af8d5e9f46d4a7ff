package dev.switchboard.media.voice.agent;

import dev.switchboard.media.voice.session.AgentSession;

/**
 * What an agent's hooks may do when it becomes active. Thread-safe.
 *
 * @param session  the session
 * @param previous the agent that handed over, or the empty string at the session's start
 */
public record AgentContext(AgentSession session, String previous) {
    /** Speaks {@code text} (interruptible). */
    public void say(String text) {
        session.say(text);
    }

    /** Asks the LLM for a reply now (for example a greeting that uses the instructions). */
    public void generateReply() {
        session.generateReply("");
    }
}
