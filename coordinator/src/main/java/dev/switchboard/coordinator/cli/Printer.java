package dev.switchboard.coordinator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Violation;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes results in the chosen format: JSON documents on stdout ({@code --output json}), or readable
 * text with failures on stderr. Not thread-safe.
 */
final class Printer {

    private final boolean json;
    private final PrintWriter out;
    private final PrintWriter err;

    Printer(boolean json, PrintWriter out, PrintWriter err) {
        this.json = json;
        this.out = out;
        this.err = err;
    }

    boolean json() {
        return json;
    }

    /** Prints an operation's result. */
    void result(OperationResult result) {
        switch (result) {
            case OperationResult.Success s -> {
                if (json) {
                    document(Json.object().put("status", "success").<ObjectNode>set("payload", s.payload()));
                } else {
                    out.println(pretty(s.payload()));
                }
            }
            case OperationResult.Failure f -> failure(f);
        }
    }

    /** Prints a failure (stdout as JSON, stderr as text). */
    void failure(OperationResult.Failure f) {
        if (json) {
            ObjectNode doc = Json.object().put("status", "failure").put("code", f.code()).put("message", f.message())
                    .put("retryable", f.retryable());
            doc.set("violations", violations(f.violations()));
            document(doc);
        } else {
            err.println("error: " + f.code() + ": " + f.message());
            f.violations().forEach(v -> err.println("  " + v));
        }
    }

    /** Prints a problem with detail lines (config problems, suggestions). */
    void problems(String code, String message, List<String> details) {
        if (json) {
            ObjectNode doc = Json.object().put("status", "failure").put("code", code).put("message", message);
            ArrayNode list = doc.putArray("details");
            details.forEach(list::add);
            document(doc);
        } else {
            err.println("error: " + code + ": " + message);
            details.forEach(d -> err.println("  " + d));
        }
    }

    /** Prints a JSON document (json mode) or the given text (text mode). */
    void either(JsonNode document, String text) {
        if (json) {
            document(document);
        } else {
            out.print(text);
            out.flush();
        }
    }

    void document(JsonNode doc) {
        out.println(pretty(doc));
        out.flush();
    }

    static ArrayNode violations(List<Violation> violations) {
        ArrayNode list = Json.mapper().createArrayNode();
        for (Violation v : violations) {
            list.addObject().put("code", v.code()).put("path", v.path()).put("message", v.message())
                    .put("hint", v.hint());
        }
        return list;
    }

    static String pretty(JsonNode node) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
