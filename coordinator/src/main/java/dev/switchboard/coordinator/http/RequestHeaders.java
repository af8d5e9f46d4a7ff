package dev.switchboard.coordinator.http;

import com.sun.net.httpserver.Headers;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request headers the API understands: {@code Idempotency-Key}, {@code Request-Timeout}
 * ({@code 500ms}, {@code 5s}, {@code 2m} or plain seconds), {@code X-Deadline} (RFC 3339 instant),
 * {@code X-Switchboard-Tag: key=value} (repeatable or comma-separated) and {@code X-Request-Id}.
 * Stateless, thread-safe.
 */
final class RequestHeaders {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");
    private static final Pattern TIMEOUT = Pattern.compile("(\\d{1,9})(ms|s|m)?");

    private RequestHeaders() {
    }

    /** The caller's request id when it is a sane token, else a fresh one. */
    static String requestId(Headers headers) {
        String given = headers.getFirst("X-Request-Id");
        return given != null && TOKEN.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    static Optional<String> idempotencyKey(Headers headers) {
        String key = headers.getFirst("Idempotency-Key");
        if (key == null) {
            return Optional.empty();
        }
        if (!TOKEN.matcher(key).matches()) {
            throw HttpError.badRequest("Idempotency-Key must be 1-128 characters of A-Z a-z 0-9 . _ : -",
                    "header:Idempotency-Key");
        }
        return Optional.of(key);
    }

    /** The earliest of now + {@code limit}, now + {@code Request-Timeout} and {@code X-Deadline}. */
    static Instant deadline(Headers headers, Instant now, Duration limit) {
        Instant deadline = now.plus(limit);
        String timeout = headers.getFirst("Request-Timeout");
        if (timeout != null) {
            Instant asked = now.plus(parseTimeout(timeout.trim()));
            deadline = asked.isBefore(deadline) ? asked : deadline;
        }
        String absolute = headers.getFirst("X-Deadline");
        if (absolute != null) {
            Instant asked;
            try {
                asked = Instant.parse(absolute.trim());
            } catch (DateTimeParseException e) {
                throw HttpError.badRequest("X-Deadline must be an RFC 3339 instant like 2026-01-01T10:00:00Z",
                        "header:X-Deadline");
            }
            deadline = asked.isBefore(deadline) ? asked : deadline;
        }
        return deadline;
    }

    private static Duration parseTimeout(String value) {
        var m = TIMEOUT.matcher(value);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw HttpError.badRequest("Request-Timeout must be a positive duration like 500ms, 5s or 2m",
                    "header:Request-Timeout");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    static Map<String, String> tags(Headers headers) {
        Map<String, String> tags = new LinkedHashMap<>();
        List<String> values = headers.getOrDefault("X-Switchboard-Tag", List.of());
        for (String value : values) {
            for (String pair : value.split(",")) {
                String trimmed = pair.trim();
                int eq = trimmed.indexOf('=');
                if (eq <= 0 || !TOKEN.matcher(trimmed.substring(0, eq)).matches()) {
                    throw HttpError.badRequest("X-Switchboard-Tag entries must look like key=value, got '"
                            + abbreviate(trimmed) + "'", "header:X-Switchboard-Tag");
                }
                tags.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
            }
        }
        return tags;
    }

    static String abbreviate(String value) {
        String printable = value.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() <= 64 ? printable : printable.substring(0, 64) + "…";
    }
}
