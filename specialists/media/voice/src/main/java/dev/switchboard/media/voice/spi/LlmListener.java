package dev.switchboard.media.voice.spi;

/** Receives one completion's stream. Called on a provider thread; must return quickly. */
public interface LlmListener extends FailoverListener {

    /** The next piece of the assistant's text. */
    void onTextDelta(String delta);

    /** A complete tool call (arguments fully assembled from the stream's deltas). */
    void onToolCall(ToolCall call);

    /** The completion finished normally. */
    void onComplete(LlmUsage usage);

    /** The completion failed. */
    void onError(ProviderException error);
}
