package dev.switchboard.coordinator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.switchboard.coordinator.routing.UnknownOperationException;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.SwitchboardException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one handler behind every path: picks the endpoint, authenticates, and turns every refusal
 * or exception into the JSON error shape. Stack traces go to the log (with the request id), never
 * to the caller. Thread-safe; holds no per-request state.
 */
final class ApiHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final HttpSettings settings;
    private final ApiAuthenticator authenticator;
    private final OperationEndpoints operations;
    private final InfoEndpoints info;
    private final Optional<WebhookReceiver> webhooks;
    private final PlaygroundEndpoints playground;

    ApiHandler(HttpSettings settings, OperationEndpoints operations, InfoEndpoints info,
            Optional<WebhookReceiver> webhooks, PlaygroundEndpoints playground) {
        this.settings = settings;
        this.authenticator = new ApiAuthenticator(settings.apiKeys(), settings.allowAnonymous());
        this.operations = operations;
        this.info = info;
        this.webhooks = webhooks;
        this.playground = playground;
    }

    @Override
    public void handle(HttpExchange exchange) {
        String requestId = RequestHeaders.requestId(exchange.getRequestHeaders());
        exchange.getResponseHeaders().set("X-Request-Id", requestId);
        try {
            route(exchange, requestId);
        } catch (HttpError e) {
            sendError(exchange, e, requestId);
        } catch (UnknownOperationException e) {
            operations.sendUnknown(exchange, e.operation(), e.getMessage(), e.suggestions(), requestId);
        } catch (SwitchboardException e) {
            int status = FailureStatus.of(e.code(), false);
            LOG.warn("request {} {} {} failed: {} {}", requestId, exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), e.code(), e.getMessage());
            send(exchange, status, ResultJson.error(status, e.code(), e.getMessage(), false, requestId, List.of()),
                    Map.of());
        } catch (IOException e) {
            LOG.debug("request {}: connection problem: {}", requestId, e.toString());
        } catch (RuntimeException e) {
            LOG.error("request {} {} {} failed unexpectedly", requestId, exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), e);
            send(exchange, 500, ResultJson.error(500, "internal",
                    "internal error; the server log has the details under request id " + requestId, false,
                    requestId, List.of()), Map.of());
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, String requestId) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        switch (path) {
            case "/health" -> {
                allow(exchange, "GET");
                authenticateUnless(settings.openHealth(), exchange);
                info.health(exchange);
            }
            case "/metrics" -> {
                allow(exchange, "GET");
                authenticateUnless(settings.openMetrics(), exchange);
                info.metrics(exchange);
            }
            case "/openapi.json" -> {
                allow(exchange, "GET");
                authenticate(exchange);
                info.openApi(exchange);
            }
            case "/v1/operations" -> {
                allow(exchange, "GET");
                authenticate(exchange);
                info.catalog(exchange);
            }
            case "/webhooks/livekit" -> {
                allow(exchange, "POST");
                webhooks.orElseThrow(() -> new HttpError(404, "not_found",
                        "the LiveKit webhook receiver is not configured (no webhook keys)"))
                        .receive(exchange, requestId);
            }
            default -> routePrefixed(exchange, path, requestId);
        }
    }

    private void routePrefixed(HttpExchange exchange, String path, String requestId) throws IOException {
        if (path.startsWith("/v1/operations/")) {
            allow(exchange, "POST");
            operations.execute(exchange, name(path, "/v1/operations/"), authenticate(exchange), requestId);
        } else if (path.startsWith("/v1/workflows/")) {
            allow(exchange, "POST");
            operations.run(exchange, name(path, "/v1/workflows/"), authenticate(exchange), requestId);
        } else if (path.equals(PlaygroundEndpoints.PREFIX) || path.startsWith(PlaygroundEndpoints.PREFIX + "/")) {
            playground.handle(exchange, path);
        } else if (path.startsWith("/v1/explain/")) {
            allow(exchange, "POST");
            operations.explain(exchange, name(path, "/v1/explain/"), authenticate(exchange), requestId);
        } else {
            throw new HttpError(404, "not_found", "no endpoint at " + RequestHeaders.abbreviate(path)
                    + "; see GET /openapi.json");
        }
    }

    private static String name(String path, String prefix) {
        String raw = path.substring(prefix.length());
        String name = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        if (name.isBlank() || name.contains("/")) {
            throw new HttpError(404, "not_found", "no endpoint at " + RequestHeaders.abbreviate(path));
        }
        return name;
    }

    private static void allow(HttpExchange exchange, String method) {
        if (!exchange.getRequestMethod().equals(method)) {
            throw new HttpError(405, "method_not_allowed", exchange.getRequestMethod() + " is not allowed here; use "
                    + method, List.of(), Map.of("Allow", method));
        }
    }

    private Caller authenticate(HttpExchange exchange) {
        return authenticator.authenticate(exchange.getRequestHeaders());
    }

    private void authenticateUnless(boolean open, HttpExchange exchange) {
        if (!open) {
            authenticate(exchange);
        }
    }

    private static void sendError(HttpExchange exchange, HttpError e, String requestId) {
        if (e.status() >= 500) {
            LOG.warn("request {} answered {}: {}", requestId, e.status(), e.getMessage());
        }
        send(exchange, e.status(), ResultJson.error(e.status(), e.code(), e.getMessage(), e.status() == 504,
                requestId, e.violations()), e.headers());
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body, Map<String, String> headers) {
        try {
            Exchanges.sendJson(exchange, status, body, headers);
        } catch (IOException | IllegalStateException e) {
            LOG.debug("could not send the {} answer: {}", status, e.toString());
        }
    }
}
