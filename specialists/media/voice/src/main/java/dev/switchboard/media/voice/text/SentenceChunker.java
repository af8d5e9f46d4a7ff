package dev.switchboard.media.voice.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cuts a model's streamed text into pieces a text-to-speech provider can start on at once. The
 * first piece goes out early: at the first sentence end, or at a clause mark ({@code , ; :} followed
 * by a space) once it holds {@link #firstClauseMinChars} characters. Later pieces are whole sentences
 * (short ones merged up to {@link #minChars}); a line break also ends a piece (lists), and a piece
 * that grows past {@link #maxChars} without any mark is cut at a space. Abbreviations
 * ({@code Dr.}, {@code e.g.}), initials ({@code J.}), decimals ({@code 3.14}) and list numbers never
 * end a sentence. Every piece is cleaned by {@link SpeakableText#clean} and a piece with nothing to
 * say — empty, punctuation or emoji only, or a serialized missing value such as {@code None} — is
 * never emitted. Not thread-safe: one per reply.
 */
public final class SentenceChunker {

    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st",
            "mt", "vs", "etc", "e.g", "i.e", "eg", "ie", "no", "nr", "inc", "ltd", "co", "corp", "approx", "dept",
            "fig", "est", "vol", "ave", "rd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
            "nov", "dec", "a.m", "p.m", "u.s", "u.k", "ph.d");

    private final int firstClauseMinChars;
    private final int minChars;
    private final int maxChars;
    private final StringBuilder buf = new StringBuilder();
    private boolean emitted;

    private SentenceChunker(int firstClauseMinChars, int minChars, int maxChars) {
        this.firstClauseMinChars = firstClauseMinChars;
        this.minChars = minChars;
        this.maxChars = maxChars;
    }

    /** A chunker with the defaults: first clause at 12 characters, later pieces of 20, cut at 300. */
    public static SentenceChunker create() {
        return create(12, 20, 300);
    }

    /**
     * A chunker with these limits.
     *
     * @throws IllegalArgumentException naming the limit that is out of range
     */
    public static SentenceChunker create(int firstClauseMinChars, int minChars, int maxChars) {
        if (firstClauseMinChars < 1) {
            throw new IllegalArgumentException("firstClauseMinChars must be at least 1, was " + firstClauseMinChars);
        }
        if (minChars < 1) {
            throw new IllegalArgumentException("minChars must be at least 1, was " + minChars);
        }
        if (maxChars < Math.max(firstClauseMinChars, minChars) + 20) {
            throw new IllegalArgumentException("maxChars must be at least 20 more than the other limits, was "
                    + maxChars);
        }
        return new SentenceChunker(firstClauseMinChars, minChars, maxChars);
    }

    /** The first-clause threshold. */
    public int firstClauseMinChars() {
        return firstClauseMinChars;
    }

    /** The merge threshold for later pieces. */
    public int minChars() {
        return minChars;
    }

    /** The longest piece before a forced cut. */
    public int maxChars() {
        return maxChars;
    }

    /** Adds the next delta; returns the pieces that are now complete (often none). */
    public List<String> push(String delta) {
        buf.append(delta);
        List<String> out = new ArrayList<>();
        for (int end = nextCut(); end > 0; end = nextCut()) {
            take(end, out);
        }
        return out;
    }

    /** The reply ended: returns what is left as a last piece (if it has anything to say). */
    public List<String> flush() {
        List<String> out = new ArrayList<>();
        if (!buf.isEmpty()) {
            take(buf.length(), out);
        }
        return out;
    }

    /** Whether any piece was emitted (false: the reply had nothing speakable, say a fallback line). */
    public boolean emittedAny() {
        return emitted;
    }

    private void take(int end, List<String> out) {
        String piece = SpeakableText.clean(buf.substring(0, end));
        buf.delete(0, end);
        while (!buf.isEmpty() && Character.isWhitespace(buf.charAt(0))) {
            buf.deleteCharAt(0);
        }
        if (SpeakableText.speakable(piece)) {
            out.add(piece);
            emitted = true;
        }
    }

    /** The end (exclusive) of the next complete piece in the buffer, or 0 when none is complete yet. */
    private int nextCut() {
        int n = buf.length();
        for (int i = 0; i < n - 1; i++) {
            char c = buf.charAt(i);
            int end = i + 1;
            while (end < n && isCloser(buf.charAt(end))) {
                end++;
            }
            if (end >= n || !Character.isWhitespace(buf.charAt(end))) {
                if (c != '\n') {
                    continue;
                }
            }
            int size = buf.substring(0, end).strip().length();
            if (c == '\n' && size > 0) {
                return end;
            }
            if (isSentenceEnd(c, i) && size >= (emitted ? minChars : 1)) {
                return end;
            }
            if (!emitted && (c == ',' || c == ';' || c == ':') && size >= firstClauseMinChars) {
                return end;
            }
        }
        return n > maxChars ? forcedCut() : 0;
    }

    private int forcedCut() {
        int space = buf.lastIndexOf(" ", maxChars);
        return space > 0 ? space + 1 : maxChars;
    }

    private boolean isSentenceEnd(char c, int i) {
        if (c == '!' || c == '?' || c == '\u2026' || c == '\u3002' || c == '\uff01' || c == '\uff1f') {
            return true;
        }
        if (c != '.') {
            return false;
        }
        int start = i;
        while (start > 0 && !Character.isWhitespace(buf.charAt(start - 1))) {
            start--;
        }
        String word = buf.substring(start, i).replaceAll("^[\"'(\\[*_]+", "").toLowerCase(java.util.Locale.ROOT);
        if (word.isEmpty() || word.endsWith(".")) {
            return true; // a lone period or the last dot of an ellipsis
        }
        if (ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isLetter(word.charAt(0)))) {
            return false;
        }
        boolean lineStart = start == 0 || buf.charAt(start - 1) == '\n';
        return !(lineStart && word.chars().allMatch(Character::isDigit)); // "1. " starts a list item
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u201d' || c == '\u2019' || c == '*'
                || c == '_';
    }
}
