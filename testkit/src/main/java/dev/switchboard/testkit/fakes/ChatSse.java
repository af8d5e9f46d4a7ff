package dev.switchboard.testkit.fakes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** Writes one scripted chat reply as OpenAI {@code chat.completion.chunk} server-sent events. */
final class ChatSse {

    private final FakeResponse rs;
    private final String model;
    private final boolean includeUsage;
    private int contentChunks;
    private ChatReply reply;

    ChatSse(FakeResponse rs, String model, boolean includeUsage) {
        this.rs = rs;
        this.model = model;
        this.includeUsage = includeUsage;
    }

    void stream(ChatReply r) throws IOException, InterruptedException {
        this.reply = r;
        rs.startStream(200, "text/event-stream");
        ObjectNode role = chunk();
        role.withArray("choices").addObject().put("index", 0).putNull("finish_reason")
                .putObject("delta").put("role", "assistant").put("content", "");
        event(role.toString());
        Thread.sleep(r.firstTokenDelay().toMillis());
        for (String d : r.deltas()) {
            ObjectNode c = chunk();
            c.withArray("choices").addObject().put("index", 0).putNull("finish_reason")
                    .putObject("delta").put("content", d);
            if (!content(c)) {
                return;
            }
        }
        int index = 0;
        for (ChatReply.ToolCallScript t : r.toolCalls()) {
            if (!toolCall(index++, t)) {
                return;
            }
        }
        if (!r.done()) {
            rs.finish();
            return;
        }
        ObjectNode fin = chunk();
        fin.withArray("choices").addObject().put("index", 0)
                .put("finish_reason", r.toolCalls().isEmpty() ? "stop" : "tool_calls").putObject("delta");
        event(fin.toString());
        if (includeUsage) {
            ObjectNode usage = chunk();
            usage.putArray("choices");
            usage.putObject("usage").put("prompt_tokens", 12).put("completion_tokens", contentChunks)
                    .put("total_tokens", 12 + contentChunks);
            event(usage.toString());
        }
        event("[DONE]");
        rs.finish();
    }

    private boolean toolCall(int index, ChatReply.ToolCallScript t) throws IOException, InterruptedException {
        String args = t.arguments();
        int step = Math.max(1, (args.length() + t.pieces() - 1) / t.pieces());
        ObjectNode head = chunk();
        ArrayNode calls = head.withArray("choices").addObject().put("index", 0).putNull("finish_reason")
                .putObject("delta").putArray("tool_calls");
        calls.addObject().put("index", index).put("id", t.id()).put("type", "function")
                .putObject("function").put("name", t.name()).put("arguments", "");
        if (!content(head)) {
            return false;
        }
        for (int i = 0; i < args.length(); i += step) {
            ObjectNode c = chunk();
            c.withArray("choices").addObject().put("index", 0).putNull("finish_reason")
                    .putObject("delta").putArray("tool_calls").addObject().put("index", index)
                    .putObject("function").put("arguments", args.substring(i, Math.min(args.length(), i + step)));
            if (!content(c)) {
                return false;
            }
        }
        return true;
    }

    /** Sends a content chunk; false when the script breaks the connection here. */
    private boolean content(ObjectNode c) throws IOException, InterruptedException {
        if (reply.disconnectAfter() >= 0 && contentChunks >= reply.disconnectAfter()) {
            rs.disconnect();
            return false;
        }
        if (contentChunks > 0) {
            Thread.sleep(reply.chunkDelay().toMillis());
        }
        event(c.toString());
        contentChunks++;
        return true;
    }

    private ObjectNode chunk() {
        ObjectNode c = FakeOpenAi.JSON.createObjectNode();
        c.put("id", "chatcmpl-fake").put("object", "chat.completion.chunk").put("created", 1_767_225_600L)
                .put("model", model).putNull("system_fingerprint");
        return c;
    }

    private void event(String data) throws IOException {
        rs.write("data: " + data + "\n\n");
    }
}
