package dev.switchboard.media.voice.spi;

import dev.switchboard.spi.SwitchboardException;

/**
 * A provider failed: the HTTP status or WebSocket close reason, timeout, or malformed reply, named
 * precisely and without any key or token. {@link #retryable()} tells fallback chains whether
 * another attempt (or the next provider) may succeed. Immutable.
 */
public final class ProviderException extends SwitchboardException {

    private static final long serialVersionUID = 1L;

    private final String provider;
    private final boolean retryable;

    /** A failure of {@code provider} (its configured name, e.g. {@code openai-llm}). */
    public ProviderException(String provider, String message, boolean retryable) {
        super(provider + ": " + message);
        this.provider = provider;
        this.retryable = retryable;
    }

    /** A failure of {@code provider} caused by {@code cause}. */
    public ProviderException(String provider, String message, boolean retryable, Throwable cause) {
        super(provider + ": " + message, cause);
        this.provider = provider;
        this.retryable = retryable;
    }

    /** The provider's configured name. */
    public String provider() {
        return provider;
    }

    /** Whether retrying, or failing over to another provider, may help. */
    public boolean retryable() {
        return retryable;
    }

    @Override
    public String code() {
        return "provider_failed";
    }
}
