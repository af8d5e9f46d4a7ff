package dev.switchboard.media.voice.text;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes model output fit for a voice: strips markdown (emphasis, code marks, headings, quotes, list
 * bullets, link targets) and emoji, collapses whitespace, and recognises texts that must never be
 * spoken (empty, punctuation only, or a serialized missing value such as {@code None} or
 * {@code null}). Stateless, thread-safe.
 */
public final class SpeakableText {

    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)");
    private static final Pattern FENCE = Pattern.compile("```[A-Za-z0-9_+-]*");
    private static final Pattern LINE_MARKS =
            Pattern.compile("(?m)^[ \\t]*(#{1,6}[ \\t]+|>[ \\t]?|[-*+][ \\t]+|\\d{1,3}[.)][ \\t]+)");
    private static final Pattern EMPHASIS =
            Pattern.compile("\\*{1,3}|_{2,3}|~~|`+|(?<![A-Za-z0-9])_(?=\\S)|(?<=\\S)_(?![A-Za-z0-9])");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Set<String> MISSING_VALUES = Set.of("None", "none", "null", "NULL", "Null", "undefined",
            "nil", "NaN", "[]", "{}", "\"\"");

    private SpeakableText() {
    }

    /** {@code text} without markdown and emoji, whitespace collapsed, trimmed. */
    public static String clean(String text) {
        String t = FENCE.matcher(text).replaceAll(" ");
        t = IMAGE.matcher(t).replaceAll("$1");
        t = LINK.matcher(t).replaceAll("$1");
        t = LINE_MARKS.matcher(t).replaceAll("");
        t = EMPHASIS.matcher(t).replaceAll("");
        t = stripEmoji(t);
        return SPACES.matcher(t).replaceAll(" ").strip();
    }

    /** Whether cleaned text holds something to say (a letter or digit, and not a serialized missing value). */
    public static boolean speakable(String cleaned) {
        String t = cleaned.strip();
        if (t.isEmpty() || MISSING_VALUES.contains(t)) {
            return false;
        }
        return t.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static String stripEmoji(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean emoji = Character.isExtendedPictographic(cp) || Character.isEmojiModifier(cp)
                    || cp == 0xFE0F || cp == 0xFE0E || cp == 0x200D || cp == 0x20E3
                    || (cp >= 0x1F1E6 && cp <= 0x1F1FF) || (cp >= 0xE0020 && cp <= 0xE007F);
            if (!emoji) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
