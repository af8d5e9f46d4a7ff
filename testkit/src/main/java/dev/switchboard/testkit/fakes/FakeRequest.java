package dev.switchboard.testkit.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request a fake server received. Immutable.
 *
 * @param method  the HTTP method
 * @param path    the path without the query string
 * @param query   the decoded query parameters (the last value wins)
 * @param headers the headers, names in lower case (the last value wins)
 * @param body    the body bytes
 */
public record FakeRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
        byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the maps. */
    public FakeRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    /** A header by case-insensitive name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body parsed as JSON. */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("request body is not JSON: " + bodyText(), e);
        }
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String toString() {
        return method + " " + path + " " + query + " (" + body.length + " bytes)";
    }
}
