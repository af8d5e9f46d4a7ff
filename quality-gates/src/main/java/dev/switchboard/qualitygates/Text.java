package dev.switchboard.qualitygates;

import java.util.List;

/** Small text helpers for violation messages. Stateless, thread-safe. */
final class Text {

    private static final int MAX = 80;
    private static final int MAX_LISTED = 10;

    private Text() {
    }

    /** A value shortened for a message. */
    static String clip(String value) {
        return value.length() <= MAX ? value : value.substring(0, MAX) + "…";
    }

    /** A list written {@code a, b, c} (at most ten, then {@code …}). */
    static String list(List<String> values) {
        List<String> shown = values.size() <= MAX_LISTED ? values : values.subList(0, MAX_LISTED);
        return String.join(", ", shown) + (values.size() > MAX_LISTED ? ", …" : "");
    }

    /** A duration in words: {@code 250 ms}, {@code 3 s}, {@code 4 min}, {@code 2 h}. */
    static String millis(long ms) {
        if (ms < 1_000) {
            return ms + " ms";
        }
        if (ms < 120_000) {
            return (ms + 999) / 1_000 + " s";
        }
        if (ms < 7_200_000) {
            return (ms + 59_999) / 60_000 + " min";
        }
        return (ms + 3_599_999) / 3_600_000 + " h";
    }
}
