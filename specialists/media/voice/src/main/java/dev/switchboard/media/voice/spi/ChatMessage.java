package dev.switchboard.media.voice.spi;

import java.util.List;
import java.util.Objects;

/** One message of a conversation. Immutable. */
public sealed interface ChatMessage {

    /** Instructions for the model. */
    record System(String text) implements ChatMessage {
        /** Validates the text. */
        public System {
            Objects.requireNonNull(text, "text");
        }
    }

    /** What the user said (the final transcript of a turn). */
    record User(String text) implements ChatMessage {
        /** Validates the text. */
        public User {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * What the assistant said — only the part the user actually heard when it was interrupted —
     * and the tools it called.
     */
    record Assistant(String text, List<ToolCall> toolCalls) implements ChatMessage {
        /** Copies the calls. */
        public Assistant {
            Objects.requireNonNull(text, "text");
            toolCalls = List.copyOf(Objects.requireNonNull(toolCalls, "toolCalls"));
        }
    }

    /** A tool's result (or error text) for the call with {@code callId}. */
    record ToolResult(String callId, String name, String content) implements ChatMessage {
        /** Validates the fields. */
        public ToolResult {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(content, "content");
        }
    }
}
