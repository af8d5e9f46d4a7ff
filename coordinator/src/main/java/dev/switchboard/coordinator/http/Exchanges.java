package dev.switchboard.coordinator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reading bounded bodies and writing JSON or text answers on an exchange. Stateless, thread-safe. */
final class Exchanges {

    static final String JSON = "application/json; charset=utf-8";

    private Exchanges() {
    }

    /**
     * Reads the whole body, refusing more than {@code limit} bytes.
     *
     * @throws HttpError 413 when the declared or actual length is over the limit
     */
    static byte[] readBody(HttpExchange exchange, long limit) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > limit) {
                    throw HttpError.tooLarge(limit);
                }
            } catch (NumberFormatException e) {
                throw new HttpError(400, "invalid_request", "Content-Length is not a number");
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes((int) limit + 1);
            if (body.length > limit) {
                throw HttpError.tooLarge(limit);
            }
            return body;
        }
    }

    /** Sends {@code body} as JSON with {@code status} and extra headers. */
    static void sendJson(HttpExchange exchange, int status, JsonNode body, Map<String, String> headers)
            throws IOException {
        byte[] bytes;
        try {
            bytes = JsonBodies.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IOException("cannot render the answer", e);
        }
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        send(exchange, status, JSON, bytes);
    }

    /** Sends {@code body} as JSON with {@code status}. */
    static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        sendJson(exchange, status, body, Map.of());
    }

    /** Sends plain bytes with a content type. */
    static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Sends UTF-8 text. */
    static void sendText(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        send(exchange, status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }
}
