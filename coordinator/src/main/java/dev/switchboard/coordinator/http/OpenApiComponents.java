package dev.switchboard.coordinator.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.Json;

/** The fixed parts of the OpenAPI document: security, error shape, headers, non-operation paths. Stateless. */
final class OpenApiComponents {

    private OpenApiComponents() {
    }

    static ObjectNode create() {
        ObjectNode components = JsonBodies.MAPPER.createObjectNode();
        ObjectNode security = components.putObject("securitySchemes");
        security.putObject("bearer").put("type", "http").put("scheme", "bearer");
        security.putObject("apiKey").put("type", "apiKey").put("in", "header").put("name", "X-Api-Key");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("Violation", Json.object("""
                {"type": "object", "required": ["code", "path", "message", "hint"],
                 "properties": {"code": {"type": "string"}, "path": {"type": "string"},
                                "message": {"type": "string"}, "hint": {"type": "string"}}}"""));
        schemas.set("Error", Json.object("""
                {"type": "object", "required": ["error"],
                 "properties": {"error": {"type": "object",
                   "required": ["code", "message", "status", "retryable", "requestId", "violations"],
                   "properties": {
                     "code": {"type": "string"}, "message": {"type": "string"},
                     "status": {"type": "integer"}, "retryable": {"type": "boolean"},
                     "requestId": {"type": "string"},
                     "violations": {"type": "array", "items": {"$ref": "#/components/schemas/Violation"}},
                     "suggestions": {"type": "array", "items": {"type": "string"}},
                     "workflow": {"type": "object"}}}}}"""));
        ObjectNode parameters = components.putObject("parameters");
        header(parameters, "IdempotencyKey", "Idempotency-Key", "Two requests with the same key have one effect.");
        header(parameters, "RequestTimeout", "Request-Timeout", "How long the caller waits: 500ms, 5s, 2m.");
        header(parameters, "Deadline", "X-Deadline", "When the caller stops waiting (RFC 3339 instant).");
        header(parameters, "Tag", "X-Switchboard-Tag", "Request tags as key=value, comma-separated.");
        header(parameters, "RequestId", "X-Request-Id", "Request id echoed in the answer and the logs.");
        components.putObject("responses").putObject("Error").put("description", "the request failed")
                .putObject("content").putObject("application/json").putObject("schema")
                .put("$ref", "#/components/schemas/Error");
        return components;
    }

    private static void header(ObjectNode parameters, String id, String name, String description) {
        ObjectNode p = parameters.putObject(id);
        p.put("name", name).put("in", "header").put("required", false).put("description", description);
        p.putObject("schema").put("type", "string");
    }

    static void addFixedPaths(ObjectNode paths) {
        ObjectNode catalog = paths.putObject("/v1/operations").putObject("get");
        catalog.put("operationId", "listOperations").put("summary", "Every loaded operation with its schemas.");
        okJson(catalog);
        ObjectNode workflow = named(paths, "/v1/workflows/{name}", "name", "runWorkflow",
                "Runs a workflow; the body is its inputs.");
        workflow.putObject("requestBody").put("required", false).putObject("content")
                .putObject("application/json").putObject("schema").put("type", "object");
        ObjectNode explain = named(paths, "/v1/explain/{operation}", "operation", "explainRoute",
                "The decision-tree path a request would take, without running it.");
        explain.putObject("requestBody").put("required", false).putObject("content")
                .putObject("application/json").putObject("schema").put("type", "object");
        open(paths, "/health", "health", "Liveness and readiness.", "application/json");
        open(paths, "/metrics", "metrics", "Prometheus metrics.", "text/plain");
        ObjectNode spec = paths.putObject("/openapi.json").putObject("get");
        spec.put("operationId", "openApi").put("summary", "This document.");
        okJson(spec);
        ObjectNode webhook = paths.putObject("/webhooks/livekit").putObject("post");
        webhook.put("operationId", "livekitWebhook")
                .put("summary", "LiveKit webhook receiver; authenticated by LiveKit's signed Authorization token.");
        webhook.putArray("security").addObject();
        webhook.putObject("requestBody").put("required", true).putObject("content")
                .putObject("application/webhook+json").putObject("schema").put("type", "object");
        okJson(webhook);
    }

    private static ObjectNode named(ObjectNode paths, String path, String param, String id, String summary) {
        ObjectNode post = paths.putObject(path).putObject("post");
        post.put("operationId", id).put("summary", summary);
        ArrayNode parameters = post.putArray("parameters");
        ObjectNode p = parameters.addObject().put("name", param).put("in", "path").put("required", true);
        p.putObject("schema").put("type", "string");
        okJson(post);
        return post;
    }

    private static void open(ObjectNode paths, String path, String id, String summary, String type) {
        ObjectNode get = paths.putObject(path).putObject("get");
        get.put("operationId", id).put("summary", summary);
        get.putArray("security").addObject();
        ObjectNode responses = get.putObject("responses");
        responses.putObject("200").put("description", "OK").putObject("content").putObject(type)
                .putObject("schema").put("type", type.equals("text/plain") ? "string" : "object");
        OpenApiDocument.addErrors(responses);
    }

    private static void okJson(ObjectNode operation) {
        ObjectNode responses = operation.putObject("responses");
        responses.putObject("200").put("description", "OK").putObject("content").putObject("application/json")
                .putObject("schema").put("type", "object");
        OpenApiDocument.addErrors(responses);
    }
}
