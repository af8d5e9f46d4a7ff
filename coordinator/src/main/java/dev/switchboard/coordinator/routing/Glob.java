package dev.switchboard.coordinator.routing;

import java.util.regex.Pattern;

/**
 * A precompiled name pattern: {@code *} matches any run of characters (dots included), {@code ?} one
 * character, everything else itself. Exact names, {@code prefix*}, {@code *suffix} and {@code *} match
 * without regular expressions. Immutable and thread-safe.
 */
final class Glob {

    private enum Kind { EXACT, PREFIX, SUFFIX, ANY, REGEX }

    private final String text;
    private final Kind kind;
    private final String literal;
    private final Pattern regex;

    private Glob(String text) {
        this.text = text;
        int stars = count(text, '*');
        boolean question = text.indexOf('?') >= 0;
        if (text.equals("*")) {
            kind = Kind.ANY;
            literal = "";
        } else if (stars == 0 && !question) {
            kind = Kind.EXACT;
            literal = text;
        } else if (stars == 1 && !question && text.endsWith("*")) {
            kind = Kind.PREFIX;
            literal = text.substring(0, text.length() - 1);
        } else if (stars == 1 && !question && text.startsWith("*")) {
            kind = Kind.SUFFIX;
            literal = text.substring(1);
        } else {
            kind = Kind.REGEX;
            literal = text;
        }
        regex = kind == Kind.REGEX ? toRegex(text) : null;
    }

    /** Compiles a pattern. */
    static Glob of(String pattern) {
        return new Glob(pattern);
    }

    /** The pattern as written. */
    String text() {
        return text;
    }

    /** Whether {@code name} matches. Allocation-free except for patterns that need a regex. */
    boolean matches(String name) {
        return switch (kind) {
            case EXACT -> literal.equals(name);
            case PREFIX -> name.startsWith(literal);
            case SUFFIX -> name.endsWith(literal);
            case ANY -> true;
            case REGEX -> regex.matcher(name).matches();
        };
    }

    /** Whether every name {@code other} matches is certainly matched by this pattern too. */
    boolean covers(Glob other) {
        return switch (kind) {
            case ANY -> true;
            case PREFIX -> other.text.startsWith(literal);
            case SUFFIX -> other.text.endsWith(literal);
            case EXACT, REGEX -> other.text.equals(text);
        };
    }

    private static Pattern toRegex(String glob) {
        StringBuilder out = new StringBuilder();
        StringBuilder run = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!run.isEmpty()) {
                    out.append(Pattern.quote(run.toString()));
                    run.setLength(0);
                }
                out.append(c == '*' ? ".*" : ".");
            } else {
                run.append(c);
            }
        }
        if (!run.isEmpty()) {
            out.append(Pattern.quote(run.toString()));
        }
        return Pattern.compile(out.toString(), Pattern.DOTALL);
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }

    @Override
    public String toString() {
        return text;
    }
}
