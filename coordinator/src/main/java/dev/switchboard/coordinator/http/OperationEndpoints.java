package dev.switchboard.coordinator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.coordinator.workflow.WorkflowResult;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/operations/{op}}, {@code POST /v1/workflows/{name}} and
 * {@code POST /v1/explain/{op}}: body → request → {@link Switchboard} → JSON answer. Thread-safe.
 */
final class OperationEndpoints {

    private final Switchboard switchboard;
    private final HttpSettings settings;

    OperationEndpoints(Switchboard switchboard, HttpSettings settings) {
        this.switchboard = switchboard;
        this.settings = settings;
    }

    void execute(HttpExchange exchange, String operation, Caller caller, String requestId) throws IOException {
        Instant deadline = deadline(exchange.getRequestHeaders());
        OperationRequest request = request(exchange, operation, caller, requestId, deadline);
        OperationResult result = Deadlines.await(switchboard.executeAsync(request), deadline, settings.time());
        switch (result) {
            case OperationResult.Success success ->
                    Exchanges.sendJson(exchange, 200, ResultJson.success(operation, requestId, success));
            case OperationResult.Failure failure -> sendFailure(exchange, operation, failure, requestId);
        }
    }

    void run(HttpExchange exchange, String workflow, Caller caller, String requestId) throws IOException {
        Instant deadline = deadline(exchange.getRequestHeaders());
        ObjectNode inputs = JsonBodies.object(Exchanges.readBody(exchange, settings.maxRequestBytes()));
        WorkflowResult result = Deadlines.await(switchboard.runAsync(workflow, inputs, caller), deadline,
                settings.time());
        switch (result) {
            case WorkflowResult.Completed completed ->
                    Exchanges.sendJson(exchange, 200, ResultJson.completed(completed, workflow, requestId));
            case WorkflowResult.RolledBack rolledBack -> {
                int status = FailureStatus.of(rolledBack.failure());
                Exchanges.sendJson(exchange, status, ResultJson.rolledBack(rolledBack, workflow, requestId),
                        retryAfter(status));
            }
        }
    }

    void explain(HttpExchange exchange, String operation, Caller caller, String requestId) throws IOException {
        Instant deadline = deadline(exchange.getRequestHeaders());
        OperationRequest request = request(exchange, operation, caller, requestId, deadline);
        Exchanges.sendJson(exchange, 200, ResultJson.explanation(operation, switchboard.explain(request)));
    }

    void sendUnknown(HttpExchange exchange, String operation, String message, List<String> given, String requestId) {
        List<String> suggestions = given.isEmpty() ? suggest(operation) : given;
        ObjectNode body = ResultJson.error(404, FailureCode.UNKNOWN_OPERATION, message, false, requestId, List.of());
        suggestions.forEach(((ObjectNode) body.get("error")).putArray("suggestions")::add);
        try {
            Exchanges.sendJson(exchange, 404, body);
        } catch (IOException e) {
            // the client went away; nothing left to tell it
        }
    }

    private void sendFailure(HttpExchange exchange, String operation, OperationResult.Failure failure,
            String requestId) throws IOException {
        if (FailureCode.UNKNOWN_OPERATION.equals(failure.code())) {
            sendUnknown(exchange, operation, failure.message(), List.of(), requestId);
            return;
        }
        int status = FailureStatus.of(failure);
        Exchanges.sendJson(exchange, status, ResultJson.failure(failure, requestId), retryAfter(status));
    }

    private List<String> suggest(String operation) {
        return Suggestions.closest(operation,
                switchboard.operations().stream().map(op -> op.descriptor().name()).toList());
    }

    private Map<String, String> retryAfter(int status) {
        if (status != 429) {
            return Map.of();
        }
        long seconds = Math.max(1, (settings.retryAfter().toMillis() + 999) / 1000);
        return Map.of("Retry-After", Long.toString(seconds));
    }

    private Instant deadline(Headers headers) {
        return RequestHeaders.deadline(headers, settings.time().now(), settings.requestTimeout());
    }

    private OperationRequest request(HttpExchange exchange, String operation, Caller caller, String requestId,
            Instant deadline) throws IOException {
        Headers headers = exchange.getRequestHeaders();
        OperationRequest.Builder builder = OperationRequest.builder(operation)
                .caller(caller)
                .requestId(requestId)
                .deadline(deadline)
                .tags(RequestHeaders.tags(headers));
        RequestHeaders.idempotencyKey(headers).ifPresent(builder::idempotencyKey);
        ObjectNode params = JsonBodies.object(Exchanges.readBody(exchange, settings.maxRequestBytes()));
        return builder.params(params).build();
    }
}
