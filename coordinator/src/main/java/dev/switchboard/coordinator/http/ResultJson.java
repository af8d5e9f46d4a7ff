package dev.switchboard.coordinator.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.routing.RouteExplanation;
import dev.switchboard.coordinator.workflow.WorkflowResult;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Violation;
import java.util.List;

/**
 * The JSON shapes of answers: successes, workflow results, explanations and the one error shape
 * {@code {"error": {code, message, status, retryable, requestId, violations[], ...}}}. Stateless.
 */
final class ResultJson {

    private ResultJson() {
    }

    static ObjectNode success(String operation, String requestId, OperationResult.Success success) {
        ObjectNode out = JsonBodies.MAPPER.createObjectNode();
        out.put("operation", operation);
        out.put("requestId", requestId);
        out.set("result", success.payload());
        return out;
    }

    static ObjectNode error(int status, String code, String message, boolean retryable, String requestId,
            List<Violation> violations) {
        ObjectNode error = JsonBodies.MAPPER.createObjectNode();
        error.put("code", code);
        error.put("message", message);
        error.put("status", status);
        error.put("retryable", retryable);
        error.put("requestId", requestId);
        ArrayNode list = error.putArray("violations");
        for (Violation v : violations) {
            list.addObject().put("code", v.code()).put("path", v.path()).put("message", v.message())
                    .put("hint", v.hint());
        }
        ObjectNode out = JsonBodies.MAPPER.createObjectNode();
        out.set("error", error);
        return out;
    }

    static ObjectNode failure(OperationResult.Failure failure, String requestId) {
        return error(FailureStatus.of(failure), failure.code(), failure.message(), failure.retryable(),
                requestId, failure.violations());
    }

    static ObjectNode completed(WorkflowResult.Completed completed, String workflow, String requestId) {
        ObjectNode out = JsonBodies.MAPPER.createObjectNode();
        out.put("workflow", workflow);
        out.put("workflowId", completed.workflowId());
        out.put("requestId", requestId);
        out.put("status", "completed");
        out.set("outputs", completed.outputs());
        return out;
    }

    static ObjectNode rolledBack(WorkflowResult.RolledBack rolledBack, String workflow, String requestId) {
        ObjectNode out = failure(rolledBack.failure(), requestId);
        ObjectNode run = ((ObjectNode) out.get("error")).putObject("workflow");
        run.put("name", workflow);
        run.put("workflowId", rolledBack.workflowId());
        run.put("status", "rolled_back");
        run.put("failedStep", rolledBack.failedStep());
        rolledBack.compensated().forEach(run.putArray("compensated")::add);
        rolledBack.deadLettered().forEach(run.putArray("deadLettered")::add);
        return out;
    }

    static ObjectNode explanation(String operation, RouteExplanation explanation) {
        ObjectNode out = JsonBodies.MAPPER.createObjectNode();
        out.put("operation", operation);
        explanation.route().ifPresentOrElse(route -> {
            ObjectNode r = out.putObject("route");
            r.put("specialist", route.specialist());
            r.put("operation", route.operation());
            route.path().forEach(r.putArray("path")::add);
        }, () -> out.putNull("route"));
        ArrayNode steps = out.putArray("steps");
        for (RouteExplanation.Step step : explanation.steps()) {
            steps.addObject().put("node", step.node()).put("test", step.test()).put("matched", step.matched())
                    .put("location", step.location());
        }
        explanation.suggestions().forEach(out.putArray("suggestions")::add);
        return out;
    }
}
