package dev.switchboard.media.voice.spi;

/**
 * A streaming chat language model with tool calls (OpenAI-compatible chat completions covers
 * OpenAI, Groq, vLLM and Ollama). Thread-safe: one provider serves many sessions.
 */
public interface LanguageModel {

    /** The configured instance name (errors, metrics, fallback chains). */
    String name();

    /**
     * Starts a completion; text deltas and tool calls stream to the listener, then exactly one of
     * {@link LlmListener#onComplete} or {@link LlmListener#onError} (unless cancelled first).
     * Returns at once; the request runs on the provider's I/O threads.
     */
    LlmCall chat(ChatRequest request, LlmListener listener);
}
