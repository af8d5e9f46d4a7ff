package dev.switchboard.coordinator.http;

import dev.switchboard.spi.SwitchboardException;
import dev.switchboard.spi.Violation;
import java.util.List;
import java.util.Map;

/**
 * A request the HTTP layer refuses with a status and a JSON error body. Messages never carry
 * secret values. Immutable.
 */
final class HttpError extends SwitchboardException {

    private final int status;
    private final String code;
    private final List<Violation> violations;
    private final Map<String, String> headers;

    HttpError(int status, String code, String message, List<Violation> violations, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.code = code;
        this.violations = List.copyOf(violations);
        this.headers = Map.copyOf(headers);
    }

    HttpError(int status, String code, String message) {
        this(status, code, message, List.of(), Map.of());
    }

    static HttpError badRequest(String message, String path) {
        return new HttpError(400, "invalid_request", message,
                List.of(Violation.of("request.malformed", path, message)), Map.of());
    }

    static HttpError unauthorized(String message) {
        return new HttpError(401, "unauthorized", message, List.of(),
                Map.of("WWW-Authenticate", "Bearer realm=\"switchboard\""));
    }

    static HttpError tooLarge(long limit) {
        return new HttpError(413, "payload_too_large", "request body is larger than " + limit + " bytes");
    }

    int status() {
        return status;
    }

    @Override
    public String code() {
        return code;
    }

    List<Violation> violations() {
        return violations;
    }

    Map<String, String> headers() {
        return headers;
    }
}
