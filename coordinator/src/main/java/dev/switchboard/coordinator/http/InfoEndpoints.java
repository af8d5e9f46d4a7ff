package dev.switchboard.coordinator.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.coordinator.plugins.SpecialistOperation;
import dev.switchboard.spi.Compensation;
import dev.switchboard.spi.OperationDescriptor;
import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /health}, {@code /metrics}, {@code /openapi.json} and {@code GET /v1/operations}. Thread-safe. */
final class InfoEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger(InfoEndpoints.class);
    private static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

    private final Switchboard switchboard;
    private final HttpSettings settings;

    InfoEndpoints(Switchboard switchboard, HttpSettings settings) {
        this.switchboard = switchboard;
        this.settings = settings;
    }

    void health(HttpExchange exchange) throws IOException {
        boolean ready;
        String detail;
        try {
            int count = switchboard.operations().size();
            ready = true;
            detail = count + " operations loaded";
        } catch (RuntimeException e) {
            ready = false;
            detail = "coordinator not ready: " + e.getClass().getSimpleName();
            LOG.warn("health check: coordinator not ready", e);
        }
        ObjectNode body = JsonBodies.MAPPER.createObjectNode();
        body.put("status", ready ? "up" : "down");
        body.put("live", true);
        body.put("ready", ready);
        body.putObject("checks").putObject("coordinator").put("status", ready ? "up" : "down")
                .put("detail", detail);
        Exchanges.sendJson(exchange, ready ? 200 : 503, body);
    }

    void metrics(HttpExchange exchange) throws IOException {
        Exchanges.sendText(exchange, 200, PROMETHEUS, settings.metricsScrape().get());
    }

    void openApi(HttpExchange exchange) throws IOException {
        Exchanges.sendJson(exchange, 200, OpenApiDocument.generate(sorted(switchboard.operations())));
    }

    void catalog(HttpExchange exchange) throws IOException {
        ObjectNode body = JsonBodies.MAPPER.createObjectNode();
        ArrayNode list = body.putArray("operations");
        for (SpecialistOperation op : sorted(switchboard.operations())) {
            OperationDescriptor d = op.descriptor();
            ObjectNode entry = list.addObject();
            entry.put("name", d.name());
            entry.put("description", d.description());
            entry.put("specialist", op.specialist().name());
            entry.put("origin", op.origin());
            entry.put("destructive", d.destructive());
            entry.put("idempotent", d.idempotent());
            if (d.compensation() instanceof Compensation.ByOperation by) {
                entry.put("compensation", by.operation());
            } else {
                entry.putNull("compensation");
            }
            entry.set("inputSchema", d.inputSchema());
            entry.set("outputSchema", d.outputSchema());
        }
        Exchanges.sendJson(exchange, 200, body);
    }

    static List<SpecialistOperation> sorted(Collection<SpecialistOperation> operations) {
        return operations.stream().sorted(Comparator.comparing(op -> op.descriptor().name())).toList();
    }
}
