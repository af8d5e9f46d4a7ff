package dev.switchboard.qualitygates;

import java.util.regex.Pattern;

/**
 * A value pattern in allow/deny lists: {@code *} matches any run of characters, {@code ?} one
 * character, everything else itself. Immutable, thread-safe.
 */
final class Glob {

    private final String text;
    private final Pattern pattern;

    private Glob(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    static Glob of(String text) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            re.append(Pattern.quote(literal.toString()));
        }
        return new Glob(text, Pattern.compile(re.toString(), Pattern.DOTALL));
    }

    boolean matches(String value) {
        return pattern.matcher(value).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
