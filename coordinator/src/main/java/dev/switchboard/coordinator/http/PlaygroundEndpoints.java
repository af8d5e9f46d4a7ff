package dev.switchboard.coordinator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Serves the playground page and mints its tokens (see {@link PlaygroundSettings}). Static files
 * are limited to single plain names inside the web root, so no path can climb out of it.
 * Thread-safe; holds no per-request state.
 */
final class PlaygroundEndpoints {

    static final String PREFIX = "/playground";
    private static final Pattern FILE = Pattern.compile("[a-z0-9][a-z0-9.-]*\\.(html|js|css)");
    private static final String CLIENT = "livekit-client.umd.js";
    private static final Caller CALLER = Caller.of("playground", "playground");

    private final Switchboard switchboard;
    private final PlaygroundSettings settings;

    PlaygroundEndpoints(Switchboard switchboard, PlaygroundSettings settings) {
        this.switchboard = switchboard;
        this.settings = settings;
    }

    void handle(HttpExchange exchange, String path) throws IOException {
        if (!settings.enabled()) {
            throw new HttpError(404, "not_found", "the playground is off (switchboard serve turns it on when it "
                    + "starts its own LiveKit server)");
        }
        String rest = path.substring(PREFIX.length());
        if (rest.isEmpty()) {
            exchange.getResponseHeaders().set("Location", PREFIX + "/");
            Exchanges.send(exchange, 302, "text/plain", new byte[0]);
        } else if (rest.equals("/token")) {
            if (!exchange.getRequestMethod().equals("POST")) {
                throw new HttpError(405, "method_not_allowed", "use POST for " + path);
            }
            token(exchange);
        } else {
            if (!exchange.getRequestMethod().equals("GET")) {
                throw new HttpError(405, "method_not_allowed", "use GET for " + path);
            }
            file(exchange, rest.equals("/") ? "index.html" : rest.substring(1));
        }
    }

    private void file(HttpExchange exchange, String name) throws IOException {
        if (!FILE.matcher(name).matches()) {
            throw new HttpError(404, "not_found", "no playground file " + RequestHeaders.abbreviate(name));
        }
        Path file = name.equals(CLIENT)
                ? settings.webRoot().resolve("node_modules/livekit-client/dist/" + CLIENT)
                : settings.webRoot().resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new HttpError(404, "not_found", name.equals(CLIENT)
                    ? "livekit-client is not installed in " + settings.webRoot() + "; run scripts/setup.sh"
                    : "no playground file " + name);
        }
        String type = name.endsWith(".html") ? "text/html; charset=utf-8"
                : name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        Exchanges.send(exchange, 200, type, Files.readAllBytes(file));
    }

    private void token(HttpExchange exchange) throws IOException {
        String identity = "user-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode params = Json.mapper().createObjectNode()
                .put("identity", identity).put("room", settings.room()).put("preset", "speaker").put("ttl", "1h");
        if (!settings.agentName().isEmpty()) {
            params.putObject("room-config").putArray("agents").addObject().put("agent-name", settings.agentName());
        }
        OperationResult result = switchboard.execute(OperationRequest.builder("token.mint").params(params)
                .caller(CALLER).build());
        switch (result) {
            case OperationResult.Success s -> {
                ObjectNode body = Json.mapper().createObjectNode().put("url", settings.liveKitUrl())
                        .put("room", settings.room()).put("identity", identity)
                        .put("token", s.payload().path("token").asText());
                Exchanges.sendJson(exchange, 200, body, Map.of("Cache-Control", "no-store"));
            }
            case OperationResult.Failure f -> throw new HttpError(502, "token_failed",
                    "token.mint failed: " + f.code() + ": " + f.message());
        }
    }
}
