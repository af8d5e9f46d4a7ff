package dev.switchboard.coordinator.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.journal.JournalRecord.CompensationFailed;
import dev.switchboard.coordinator.journal.JournalRecord.CompensationStarted;
import dev.switchboard.coordinator.journal.JournalRecord.CompensationSucceeded;
import dev.switchboard.coordinator.journal.JournalRecord.DeadLetterResolved;
import dev.switchboard.coordinator.journal.JournalRecord.DeadLettered;
import dev.switchboard.coordinator.journal.JournalRecord.StepFailed;
import dev.switchboard.coordinator.journal.JournalRecord.StepSkipped;
import dev.switchboard.coordinator.journal.JournalRecord.StepStarted;
import dev.switchboard.coordinator.journal.JournalRecord.StepSucceeded;
import dev.switchboard.coordinator.journal.JournalRecord.WorkflowFinished;
import dev.switchboard.coordinator.journal.JournalRecord.WorkflowStarted;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.Json;
import java.io.IOException;
import java.util.Map;

/**
 * Writes a record's payload straight to UTF-8 JSON, with the same fields in the same order as
 * {@link RecordCodec#toJson} (so the bytes are the same as serialising that tree), without building
 * the record's tree first. Stateless, thread-safe.
 */
final class RecordWriter {

    private RecordWriter() {
    }

    static byte[] write(JournalRecord record, Redactor redactor) throws IOException {
        ByteArrayBuilder out = new ByteArrayBuilder(256);
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", RecordCodec.typeOf(record));
            g.writeStringField("run", record.runId());
            g.writeStringField("at", IsoInstants.format(record.at()));
            fields(g, record, redactor);
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void fields(JsonGenerator g, JournalRecord record, Redactor redactor) throws IOException {
        switch (record) {
            case WorkflowStarted r -> {
                g.writeStringField("workflow", r.workflow());
                tree(g, "definition", redacted(redactor, r.definition()));
                tree(g, "inputs", redacted(redactor, r.inputs()));
                caller(g, r.caller());
            }
            case StepStarted r -> {
                g.writeStringField("step", r.stepId());
                g.writeStringField("operation", r.operation());
                g.writeStringField("key", r.idempotencyKey());
                tree(g, "params", redacted(redactor, r.params()));
                g.writeStringField("compensation", r.compensation());
                g.writeBooleanField("idempotent", r.idempotent());
            }
            case StepSucceeded r -> {
                g.writeStringField("step", r.stepId());
                tree(g, "payload", redacted(redactor, r.payload()));
                tree(g, "compensation", redacted(redactor, r.compensation()));
            }
            case StepFailed r -> {
                g.writeStringField("step", r.stepId());
                g.writeStringField("code", r.code());
                g.writeStringField("message", r.message());
            }
            case StepSkipped r -> g.writeStringField("step", r.stepId());
            case CompensationStarted r -> {
                g.writeStringField("step", r.stepId());
                g.writeStringField("operation", r.operation());
                g.writeNumberField("attempt", r.attempt());
                tree(g, "params", redacted(redactor, r.params()));
            }
            case CompensationSucceeded r -> g.writeStringField("step", r.stepId());
            case CompensationFailed r -> {
                g.writeStringField("step", r.stepId());
                g.writeNumberField("attempt", r.attempt());
                g.writeStringField("code", r.code());
                g.writeStringField("message", r.message());
            }
            case DeadLettered r -> {
                g.writeStringField("step", r.stepId());
                g.writeStringField("operation", r.operation());
                g.writeStringField("key", r.idempotencyKey());
                tree(g, "params", redacted(redactor, r.params()));
                caller(g, r.caller());
                g.writeStringField("reason", r.reason());
            }
            case DeadLetterResolved r -> {
                g.writeStringField("step", r.stepId());
                g.writeStringField("how", r.how());
            }
            case WorkflowFinished r -> g.writeStringField("outcome", r.outcome().label());
        }
    }

    private static void caller(JsonGenerator g, Caller caller) throws IOException {
        g.writeObjectFieldStart("caller");
        g.writeStringField("principal", caller.principal());
        g.writeArrayFieldStart("roles");
        for (String role : caller.roles().stream().sorted().toList()) {
            g.writeString(role);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void tree(JsonGenerator g, String name, ObjectNode value) throws IOException {
        g.writeFieldName(name);
        node(g, value);
    }

    /** The redacted tree; the standard redactor's copy is skipped when it would change nothing. */
    private static ObjectNode redacted(Redactor redactor, ObjectNode tree) {
        return redactor instanceof KeyAndJwtRedactor standard && !standard.changes(tree) ? tree : redactor.redact(tree);
    }

    private static void node(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    g.writeFieldName(field.getKey());
                    node(g, field.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode item : node) {
                    node(g, item);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL, MISSING -> g.writeNull();
            case NUMBER -> number(g, node);
            default -> g.writeTree(node);
        }
    }

    private static void number(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.numberType()) {
            case INT -> g.writeNumber(node.intValue());
            case LONG -> g.writeNumber(node.longValue());
            case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
            case FLOAT -> g.writeNumber(node.floatValue());
            case DOUBLE -> g.writeNumber(node.doubleValue());
            default -> g.writeNumber(node.decimalValue());
        }
    }
}
