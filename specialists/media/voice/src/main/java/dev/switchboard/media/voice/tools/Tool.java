package dev.switchboard.media.voice.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.media.voice.spi.ToolSpec;
import java.time.Duration;

/**
 * A tool the model may call. {@link #invoke} runs on its own virtual thread and may block (HTTP,
 * database); the session enforces {@link #timeout()} and reports any failure to the model instead of
 * failing the reply. Implementations must be thread-safe.
 */
public interface Tool {
    /** The name, description and JSON Schema offered to the model. */
    ToolSpec spec();

    /** Runs one call with the model's arguments (a JSON object). Throw to report an error to the model. */
    ToolOutcome invoke(JsonNode arguments, RunContext context) throws Exception;

    /** How long one call may take (default 10 s). */
    default Duration timeout() {
        return Duration.ofSeconds(10);
    }
}
