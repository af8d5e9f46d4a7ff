package dev.switchboard.coordinator.journal;

import java.time.Instant;

/**
 * Formats instants exactly as {@link Instant#toString()} does, reusing the date-and-time text of the
 * last second formatted (records written in the same second share it). Thread-safe.
 */
final class IsoInstants {

    /** The text of one whole second, without the zone designator. */
    private record Second(long epochSecond, String text) {
    }

    private static volatile Second last = new Second(0, "1970-01-01T00:00:00");

    private IsoInstants() {
    }

    static String format(Instant at) {
        Second second = last;
        if (second.epochSecond() != at.getEpochSecond()) {
            String whole = Instant.ofEpochSecond(at.getEpochSecond()).toString();
            if (whole.length() != 20) {
                return at.toString(); // years beyond 9999 or before 0000 keep the JDK's own form
            }
            second = new Second(at.getEpochSecond(), whole.substring(0, 19));
            last = second;
        }
        int nanos = at.getNano();
        StringBuilder out = new StringBuilder(31).append(second.text());
        if (nanos != 0) {
            out.append('.');
            if (nanos % 1_000_000 == 0) {
                pad(out, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                pad(out, nanos / 1_000, 6);
            } else {
                pad(out, nanos, 9);
            }
        }
        return out.append('Z').toString();
    }

    private static void pad(StringBuilder out, int value, int digits) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < digits; i++) {
            out.append('0');
        }
        out.append(text);
    }
}
