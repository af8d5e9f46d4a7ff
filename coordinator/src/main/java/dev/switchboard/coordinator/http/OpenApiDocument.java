package dev.switchboard.coordinator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.coordinator.plugins.SpecialistOperation;
import dev.switchboard.spi.OperationDescriptor;
import java.util.List;
import java.util.Map;

/**
 * Generates the OpenAPI 3.1 document from the operation catalog: one path per operation with its
 * input schema as the request body and its output schema inside the success answer. Operation
 * schemas live under {@code components.schemas} ({@code <op>.input}, {@code <op>.output}) with
 * their local {@code $ref}s rewritten to stay valid there. Stateless, thread-safe.
 */
final class OpenApiDocument {

    private static final List<String> ERROR_STATUSES =
            List.of("400", "401", "403", "404", "409", "413", "422", "429", "500", "503", "504");

    private OpenApiDocument() {
    }

    static ObjectNode generate(List<SpecialistOperation> operations) {
        ObjectNode doc = JsonBodies.MAPPER.createObjectNode();
        doc.put("openapi", "3.1.0");
        doc.putObject("info").put("title", "Switchboard API").put("version", "0.1.0")
                .put("description", "Operations, workflows and route explanations of a Switchboard coordinator.");
        ObjectNode components = OpenApiComponents.create();
        doc.set("components", components);
        ArrayNode security = doc.putArray("security");
        security.addObject().putArray("bearer");
        security.addObject().putArray("apiKey");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode schemas = (ObjectNode) components.get("schemas");
        for (SpecialistOperation op : operations) {
            OperationDescriptor d = op.descriptor();
            schemas.set(d.name() + ".input", embed(d.inputSchema(), d.name() + ".input"));
            schemas.set(d.name() + ".output", embed(d.outputSchema(), d.name() + ".output"));
            paths.putObject("/v1/operations/" + d.name()).set("post", operation(op));
        }
        OpenApiComponents.addFixedPaths(paths);
        return doc;
    }

    private static ObjectNode operation(SpecialistOperation op) {
        OperationDescriptor d = op.descriptor();
        ObjectNode post = JsonBodies.MAPPER.createObjectNode();
        post.put("operationId", d.name());
        post.put("summary", d.description());
        post.putArray("tags").add(op.specialist().name());
        post.put("x-destructive", d.destructive());
        post.put("x-idempotent", d.idempotent());
        ArrayNode parameters = post.putArray("parameters");
        for (String p : List.of("IdempotencyKey", "RequestTimeout", "Deadline", "Tag", "RequestId")) {
            parameters.addObject().put("$ref", "#/components/parameters/" + p);
        }
        post.putObject("requestBody").put("required", true).putObject("content")
                .putObject("application/json").putObject("schema")
                .put("$ref", "#/components/schemas/" + d.name() + ".input");
        ObjectNode responses = post.putObject("responses");
        ObjectNode ok = responses.putObject("200");
        ok.put("description", "the operation succeeded");
        ObjectNode schema = ok.putObject("content").putObject("application/json").putObject("schema");
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("operation").put("type", "string");
        properties.putObject("requestId").put("type", "string");
        properties.putObject("result").put("$ref", "#/components/schemas/" + d.name() + ".output");
        schema.putArray("required").add("operation").add("requestId").add("result");
        addErrors(responses);
        return post;
    }

    static void addErrors(ObjectNode responses) {
        for (String status : ERROR_STATUSES) {
            responses.putObject(status).put("$ref", "#/components/responses/Error");
        }
    }

    /** A copy of {@code schema} without {@code $schema}, its local refs pointing into its component. */
    static JsonNode embed(ObjectNode schema, String componentName) {
        ObjectNode copy = schema.deepCopy();
        copy.remove("$schema");
        rewriteRefs(copy, "#/components/schemas/" + componentName);
        return copy;
    }

    private static void rewriteRefs(JsonNode node, String base) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (field.getKey().equals("$ref") && field.getValue().isTextual()
                        && field.getValue().asText().startsWith("#")) {
                    field.setValue(TextNode.valueOf(base + field.getValue().asText().substring(1)));
                } else {
                    rewriteRefs(field.getValue(), base);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, base));
        }
    }
}
