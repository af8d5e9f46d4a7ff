package dev.switchboard.specialist.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints the durations used for token lifetimes: {@code 90s}, {@code 15m}, {@code 6h}, {@code 1d}. */
final class Durations {

    private static final Pattern TEXT = Pattern.compile("([0-9]{1,9})([smhd]?)");

    private Durations() {
    }

    /** A duration from a string like {@code 6h} or an integer number of seconds; empty when malformed. */
    static Optional<Duration> parse(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong() && node.asLong() > 0) {
            return Optional.of(Duration.ofSeconds(node.asLong()));
        }
        if (!node.isTextual()) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(node.asText().trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofSeconds(n);
        };
        return d.isZero() ? Optional.empty() : Optional.of(d);
    }

    /** A short human form: {@code 2 h 5 min}, {@code 45 s}. */
    static String human(Duration d) {
        long s = Math.abs(d.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
        }
        if (s < 86_400) {
            return (s / 3600) + " h" + (s % 3600 / 60 == 0 ? "" : " " + (s % 3600 / 60) + " min");
        }
        return (s / 86_400) + " d" + (s % 86_400 / 3600 == 0 ? "" : " " + (s % 86_400 / 3600) + " h");
    }
}
