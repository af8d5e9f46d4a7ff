package dev.switchboard.media.voice.provider.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.media.voice.spi.ChatMessage;
import dev.switchboard.media.voice.spi.ChatRequest;
import dev.switchboard.media.voice.spi.ToolCall;
import dev.switchboard.media.voice.spi.ToolSpec;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Encodes a {@link ChatRequest} as an OpenAI chat-completions request body. Stateless. */
final class ChatBody {

    static final ObjectMapper JSON = new ObjectMapper();

    private ChatBody() {
    }

    static ObjectNode encode(String model, ChatRequest request, OptionalDouble defaultTemperature,
            OptionalInt maxTokens, boolean includeUsage) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.put("stream", true);
        if (includeUsage) {
            body.putObject("stream_options").put("include_usage", true);
        }
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage m : request.messages()) {
            messages.add(message(m));
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolSpec t : request.tools()) {
                ObjectNode fn = tools.addObject().put("type", "function").putObject("function");
                fn.put("name", t.name()).put("description", t.description()).set("parameters", t.parameters());
            }
        }
        if (request.temperature() >= 0) {
            body.put("temperature", request.temperature());
        } else if (defaultTemperature.isPresent()) {
            body.put("temperature", defaultTemperature.getAsDouble());
        }
        maxTokens.ifPresent(n -> body.put("max_tokens", n));
        return body;
    }

    private static ObjectNode message(ChatMessage m) {
        ObjectNode n = JSON.createObjectNode();
        switch (m) {
            case ChatMessage.System s -> n.put("role", "system").put("content", s.text());
            case ChatMessage.User u -> n.put("role", "user").put("content", u.text());
            case ChatMessage.Assistant a -> {
                n.put("role", "assistant");
                if (a.text().isEmpty() && !a.toolCalls().isEmpty()) {
                    n.putNull("content");
                } else {
                    n.put("content", a.text());
                }
                if (!a.toolCalls().isEmpty()) {
                    ArrayNode calls = n.putArray("tool_calls");
                    for (ToolCall c : a.toolCalls()) {
                        ObjectNode call = calls.addObject().put("id", c.id()).put("type", "function");
                        call.putObject("function").put("name", c.name()).put("arguments", c.arguments());
                    }
                }
            }
            case ChatMessage.ToolResult r ->
                n.put("role", "tool").put("tool_call_id", r.callId()).put("name", r.name()).put("content", r.content());
        }
        return n;
    }
}
