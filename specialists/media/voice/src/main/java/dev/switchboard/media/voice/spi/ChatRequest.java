package dev.switchboard.media.voice.spi;

import java.util.List;
import java.util.Objects;

/**
 * One completion request. Immutable.
 *
 * @param messages    the conversation, oldest first (a system message first when the agent has instructions)
 * @param tools       the tools the model may call; empty for none
 * @param temperature sampling temperature, or a negative value for the provider's default
 */
public record ChatRequest(List<ChatMessage> messages, List<ToolSpec> tools, double temperature) {

    /** Copies the lists. */
    public ChatRequest {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        tools = List.copyOf(Objects.requireNonNull(tools, "tools"));
    }

    /** A request with the provider's default temperature. */
    public static ChatRequest of(List<ChatMessage> messages, List<ToolSpec> tools) {
        return new ChatRequest(messages, tools, -1);
    }
}
