package dev.switchboard.media.voice.tools;

import dev.switchboard.media.voice.agent.Agent;
import java.util.Objects;

/** What a tool call produced. Immutable. */
public sealed interface ToolOutcome {

    /** A result (or an error description) the model reads next. */
    record Reply(String content, boolean error) implements ToolOutcome {
        /** Validates the content. */
        public Reply {
            Objects.requireNonNull(content, "content");
        }
    }

    /** Hand the conversation to {@code agent}; {@code message} is the tool result the old agent's history keeps. */
    record Handoff(Agent agent, String message) implements ToolOutcome {
        /** Validates the fields. */
        public Handoff {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(message, "message");
        }
    }

    /** A successful result. */
    static ToolOutcome reply(String content) {
        return new Reply(content, false);
    }

    /** A failure the model is told about. */
    static ToolOutcome error(String message) {
        return new Reply("error: " + message, true);
    }

    /** A handoff to {@code agent}. */
    static ToolOutcome handoff(Agent agent) {
        return new Handoff(agent, "transferred to " + agent.name());
    }
}
