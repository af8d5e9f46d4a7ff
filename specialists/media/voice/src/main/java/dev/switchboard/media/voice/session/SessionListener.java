package dev.switchboard.media.voice.session;

import dev.switchboard.media.voice.spi.ChatMessage;

/**
 * Receives a session's events, on the session's own thread, in order. Must return quickly (post
 * anything slow elsewhere). Every method has a no-op default.
 */
public interface SessionListener {
    /** The state changed. */
    default void onStateChanged(AgentState from, AgentState to) {
    }

    /** A user transcript, interim or final. */
    default void onUserTranscript(String text, boolean isFinal) {
    }

    /** A message was added to the history (user turn, heard agent speech, tool call or result). */
    default void onHistoryAdded(ChatMessage message) {
    }

    /** The user's speech interrupted the agent for good; {@code heard} is what the user heard. */
    default void onInterrupted(String heard) {
    }

    /** Paused agent speech resumed after a false interruption (no words within the timeout). */
    default void onFalseInterruption(boolean resumed) {
    }

    /** A tool call finished. */
    default void onToolCall(SessionReport.ToolCallRecord call) {
    }

    /** The conversation was handed from one agent to another. */
    default void onHandoff(String from, String to) {
    }

    /** A turn's latency figures (when its first audio frame left). */
    default void onTurnMetrics(TurnMetrics metrics) {
    }
}
