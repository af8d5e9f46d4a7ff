package dev.switchboard.media.voice.spi;

/**
 * Token counts of a completion, zero when the provider reports none. Immutable.
 *
 * @param promptTokens     tokens in the request
 * @param completionTokens tokens generated
 */
public record LlmUsage(int promptTokens, int completionTokens) {

    /** No usage reported. */
    public static final LlmUsage NONE = new LlmUsage(0, 0);
}
