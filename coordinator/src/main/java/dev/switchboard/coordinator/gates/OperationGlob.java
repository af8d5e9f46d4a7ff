package dev.switchboard.coordinator.gates;

import java.util.regex.Pattern;

/**
 * An {@code applies-to} pattern over operation names: {@code *} matches any run of characters
 * (dots included, so {@code room.*} covers {@code room.participant.remove}), {@code ?} one
 * character. Immutable, thread-safe.
 */
final class OperationGlob {

    static final Pattern VALID = Pattern.compile("[a-z0-9.*?-]+");

    private final String text;
    private final Pattern pattern;

    private OperationGlob(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    /** Parses a glob; callers check {@link #VALID} first. */
    static OperationGlob of(String text) {
        String re = Pattern.quote(text).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return new OperationGlob(text, Pattern.compile(re));
    }

    boolean matches(String operation) {
        return pattern.matcher(operation).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
