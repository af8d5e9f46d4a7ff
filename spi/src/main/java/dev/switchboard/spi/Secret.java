package dev.switchboard.spi;

import java.util.Objects;

/**
 * A secret value that does not print itself: {@link #toString()} shows only the reference it came
 * from. Call {@link #reveal()} at the one place the value is used (signing, an Authorization header).
 * Immutable, thread-safe.
 */
@Stable(since = "0.1")
public final class Secret {

    private final String reference;
    private final String value;

    private Secret(String reference, String value) {
        this.reference = Objects.requireNonNull(reference, "reference");
        this.value = Objects.requireNonNull(value, "value");
    }

    /** A secret resolved from {@code reference}. */
    public static Secret of(String reference, String value) {
        return new Secret(reference, value);
    }

    /** Where the value came from ({@code ${LIVEKIT_API_SECRET}}); safe to log. */
    public String reference() {
        return reference;
    }

    /** The value itself. Never log it, never put it in an error or a journal entry. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Secret[" + reference + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.reference.equals(reference) && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return reference.hashCode();
    }
}
