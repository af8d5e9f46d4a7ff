package dev.switchboard.specialist.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Turns Twirp error bodies and I/O exceptions into precise {@link LiveKitCallException}s. Stateless. */
final class TwirpErrors {

    private TwirpErrors() {
    }

    static LiveKitCallException fromResponse(URI server, String method, int status, String body, String apiKey) {
        String twirpCode = "";
        String msg = body.length() > 300 ? body.substring(0, 300) + "…" : body;
        try {
            JsonNode json = Json.mapper().readTree(body);
            if (json != null && json.has("code")) {
                twirpCode = json.path("code").asText();
                msg = json.path("msg").asText(msg);
            }
        } catch (IOException notJson) {
            if (status == 404) {
                return new LiveKitCallException(FailureCode.UNAVAILABLE, "wrong URL: " + server
                        + " answered HTTP 404 without a Twirp error, so it is not a LiveKit server", false);
            }
        }
        String where = method + " on LiveKit at " + server;
        if (msg.contains("egress not connected")) {
            return new LiveKitCallException(FailureCode.UNAVAILABLE, where + ": no egress worker is connected to"
                    + " this server (" + msg + "); egress needs Redis and a running livekit-egress service", false);
        }
        return switch (twirpCode.isEmpty() ? statusCode(status) : twirpCode) {
            case "unauthenticated" -> new LiveKitCallException("unauthenticated", where
                    + " refused the credentials (API key '" + apiKey + "'): " + msg
                    + "; check that the API key and secret match the server's keys", false);
            case "permission_denied" -> new LiveKitCallException(FailureCode.PERMISSION_DENIED,
                    where + " denied permission: " + msg, false);
            case "not_found" -> new LiveKitCallException(FailureCode.NOT_FOUND, where + ": " + msg, false);
            case "already_exists" -> new LiveKitCallException(FailureCode.CONFLICT, where + ": " + msg, false);
            case "invalid_argument", "malformed", "out_of_range", "failed_precondition" ->
                    new LiveKitCallException(
                            FailureCode.INVALID_REQUEST, where + " rejected the request: " + msg, false);
            case "resource_exhausted" ->
                    new LiveKitCallException(FailureCode.RATE_LIMITED, where + ": " + msg, true);
            case "deadline_exceeded" ->
                    new LiveKitCallException(FailureCode.DEADLINE_EXCEEDED, where + ": " + msg, true);
            case "bad_route" -> new LiveKitCallException(FailureCode.UNAVAILABLE, where
                    + ": the server does not know this method (HTTP " + status + "): " + msg, false);
            case "unavailable" ->
                    new LiveKitCallException(FailureCode.UNAVAILABLE, where + " is unavailable: " + msg, true);
            default -> new LiveKitCallException(status >= 500 ? FailureCode.UNAVAILABLE : FailureCode.INTERNAL,
                    where + " failed with HTTP " + status + " (" + twirpCode + "): " + msg, status >= 500);
        };
    }

    static LiveKitCallException fromIo(URI server, String method, IOException e) {
        String where = method + " on LiveKit at " + server;
        if (e instanceof ConnectException) {
            return new LiveKitCallException(FailureCode.UNAVAILABLE, "LiveKit at " + server
                    + " is unreachable (connection refused): is livekit-server running there?", true, e);
        }
        if (e instanceof UnknownHostException) {
            return new LiveKitCallException(FailureCode.UNAVAILABLE, "LiveKit at " + server
                    + " is unreachable: unknown host '" + server.getHost() + "'", false, e);
        }
        if (e instanceof SSLException) {
            return new LiveKitCallException(FailureCode.UNAVAILABLE, where + " failed TLS (" + e.getMessage()
                    + "); is the URL scheme right (https vs http)?", false, e);
        }
        if (e instanceof InterruptedIOException) {
            return new LiveKitCallException(FailureCode.DEADLINE_EXCEEDED, where + " did not answer in time", true, e);
        }
        String text = String.valueOf(e.getMessage());
        if (text.contains("unexpected end of stream") || text.contains("Connection reset")) {
            return new LiveKitCallException(FailureCode.UNAVAILABLE, where + ": the server closed the connection"
                    + " mid-request (" + text + "); did livekit-server stop or restart?", true, e);
        }
        return new LiveKitCallException(FailureCode.UNAVAILABLE, where + " failed: " + text, true, e);
    }

    private static String statusCode(int status) {
        return switch (status) {
            case 401 -> "unauthenticated";
            case 403 -> "permission_denied";
            case 404 -> "not_found";
            case 503 -> "unavailable";
            default -> "http_" + status;
        };
    }
}
