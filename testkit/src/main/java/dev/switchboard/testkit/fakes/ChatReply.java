package dev.switchboard.testkit.fakes;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the fake OpenAI server streams for one chat request: text deltas, tool calls (their
 * arguments split across several chunks, as real servers do), timing, and failures. Immutable;
 * the {@code with…} methods return changed copies.
 *
 * @param status          the HTTP status; not 200 sends {@code {"error":{"message":…}}} instead of a stream
 * @param error           the error message for a non-200 status
 * @param deltas          the text deltas, one chunk each
 * @param toolCalls       the tool calls, streamed after the text
 * @param firstTokenDelay how long the server waits after the role chunk before the first delta
 * @param chunkDelay      the pause between later chunks
 * @param disconnectAfter break the connection after this many content chunks; negative for never
 * @param done            whether the stream ends with {@code data: [DONE]}
 */
public record ChatReply(int status, String error, List<String> deltas, List<ToolCallScript> toolCalls,
        Duration firstTokenDelay, Duration chunkDelay, int disconnectAfter, boolean done) {

    /**
     * A scripted tool call.
     *
     * @param id        the call id
     * @param name      the function name
     * @param arguments the arguments JSON text, sent in {@code pieces} fragments
     * @param pieces    how many chunks carry the arguments (at least 1)
     */
    public record ToolCallScript(String id, String name, String arguments, int pieces) {
        /** Validates the fields. */
        public ToolCallScript {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(arguments, "arguments");
            if (pieces < 1) {
                throw new IllegalArgumentException("pieces must be at least 1");
            }
        }
    }

    /** Copies the lists. */
    public ChatReply {
        Objects.requireNonNull(error, "error");
        deltas = List.copyOf(deltas);
        toolCalls = List.copyOf(toolCalls);
        Objects.requireNonNull(firstTokenDelay, "firstTokenDelay");
        Objects.requireNonNull(chunkDelay, "chunkDelay");
    }

    /** A reply streaming these text deltas. */
    public static ChatReply text(String... deltas) {
        return new ChatReply(200, "", List.of(deltas), List.of(), Duration.ZERO, Duration.ZERO, -1, true);
    }

    /** A reply calling one tool, its arguments split into three chunks. */
    public static ChatReply toolCall(String id, String name, String arguments) {
        return text().withToolCall(id, name, arguments, 3);
    }

    /** An HTTP error reply with OpenAI's error JSON. */
    public static ChatReply error(int status, String message) {
        return new ChatReply(status, message, List.of(), List.of(), Duration.ZERO, Duration.ZERO, -1, true);
    }

    /** Adds a tool call whose arguments arrive in {@code pieces} chunks. */
    public ChatReply withToolCall(String id, String name, String arguments, int pieces) {
        List<ToolCallScript> calls = new java.util.ArrayList<>(toolCalls);
        calls.add(new ToolCallScript(id, name, arguments, pieces));
        return new ChatReply(status, error, deltas, calls, firstTokenDelay, chunkDelay, disconnectAfter, done);
    }

    /** Waits {@code delay} before the first content chunk. */
    public ChatReply withFirstTokenDelay(Duration delay) {
        return new ChatReply(status, error, deltas, toolCalls, delay, chunkDelay, disconnectAfter, done);
    }

    /** Waits {@code delay} between content chunks. */
    public ChatReply withChunkDelay(Duration delay) {
        return new ChatReply(status, error, deltas, toolCalls, firstTokenDelay, delay, disconnectAfter, done);
    }

    /** Breaks the connection after {@code chunks} content chunks. */
    public ChatReply withDisconnectAfter(int chunks) {
        return new ChatReply(status, error, deltas, toolCalls, firstTokenDelay, chunkDelay, chunks, done);
    }

    /** Ends without {@code [DONE]} and without a finish reason (a truncated stream). */
    public ChatReply withoutDone() {
        return new ChatReply(status, error, deltas, toolCalls, firstTokenDelay, chunkDelay, disconnectAfter, false);
    }
}
