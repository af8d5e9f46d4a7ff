package dev.switchboard.coordinator.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** Turns records into JSON payloads and back. Stateless, thread-safe. */
final class RecordCodec {

    private RecordCodec() {
    }

    static String typeOf(JournalRecord record) {
        return switch (record) {
            case WorkflowStarted r -> "workflow-started";
            case StepStarted r -> "step-started";
            case StepSucceeded r -> "step-succeeded";
            case StepFailed r -> "step-failed";
            case StepSkipped r -> "step-skipped";
            case CompensationStarted r -> "compensation-started";
            case CompensationSucceeded r -> "compensation-succeeded";
            case CompensationFailed r -> "compensation-failed";
            case DeadLettered r -> "dead-lettered";
            case DeadLetterResolved r -> "dead-letter-resolved";
            case WorkflowFinished r -> "workflow-finished";
        };
    }

    /** The JSON form of {@code record}, every tree passed through {@code redactor}. */
    static ObjectNode toJson(JournalRecord record, Redactor redactor) {
        ObjectNode o = Json.object();
        o.put("type", typeOf(record)).put("run", record.runId()).put("at", record.at().toString());
        switch (record) {
            case WorkflowStarted r -> {
                o.put("workflow", r.workflow());
                o.set("definition", redactor.redact(r.definition()));
                o.set("inputs", redactor.redact(r.inputs()));
                o.set("caller", caller(r.caller()));
            }
            case StepStarted r -> {
                o.put("step", r.stepId()).put("operation", r.operation()).put("key", r.idempotencyKey());
                o.set("params", redactor.redact(r.params()));
                o.put("compensation", r.compensation()).put("idempotent", r.idempotent());
            }
            case StepSucceeded r -> {
                o.put("step", r.stepId());
                o.set("payload", redactor.redact(r.payload()));
                o.set("compensation", redactor.redact(r.compensation()));
            }
            case StepFailed r -> o.put("step", r.stepId()).put("code", r.code()).put("message", r.message());
            case StepSkipped r -> o.put("step", r.stepId());
            case CompensationStarted r -> {
                o.put("step", r.stepId()).put("operation", r.operation()).put("attempt", r.attempt());
                o.set("params", redactor.redact(r.params()));
            }
            case CompensationSucceeded r -> o.put("step", r.stepId());
            case CompensationFailed r -> o.put("step", r.stepId()).put("attempt", r.attempt())
                    .put("code", r.code()).put("message", r.message());
            case DeadLettered r -> {
                o.put("step", r.stepId()).put("operation", r.operation()).put("key", r.idempotencyKey());
                o.set("params", redactor.redact(r.params()));
                o.set("caller", caller(r.caller()));
                o.put("reason", r.reason());
            }
            case DeadLetterResolved r -> o.put("step", r.stepId()).put("how", r.how());
            case WorkflowFinished r -> o.put("outcome", r.outcome().label());
        }
        return o;
    }

    static byte[] encode(JournalRecord record, Redactor redactor) {
        try {
            return RecordWriter.write(record, redactor);
        } catch (IOException e) {
            throw new JournalException("cannot encode a " + typeOf(record) + " record", e);
        }
    }

    /**
     * Parses a payload.
     *
     * @throws IllegalArgumentException when it is not a record this version understands
     */
    static JournalRecord decode(byte[] payload) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getClass().getSimpleName(), e);
        }
        if (!(node instanceof ObjectNode o)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return fromJson(new Fields(o));
    }

    private static JournalRecord fromJson(Fields f) {
        String run = f.text("run");
        Instant at = f.instant("at");
        String type = f.text("type");
        return switch (type) {
            case "workflow-started" -> new WorkflowStarted(run, f.text("workflow"), f.object("definition"),
                    f.object("inputs"), caller(f.object("caller")), at);
            case "step-started" -> new StepStarted(run, f.text("step"), f.text("operation"), f.text("key"),
                    f.object("params"), f.text("compensation"), f.bool("idempotent"), at);
            case "step-succeeded" -> new StepSucceeded(run, f.text("step"), f.object("payload"),
                    f.object("compensation"), at);
            case "step-failed" -> new StepFailed(run, f.text("step"), f.text("code"), f.text("message"), at);
            case "step-skipped" -> new StepSkipped(run, f.text("step"), at);
            case "compensation-started" -> new CompensationStarted(run, f.text("step"), f.text("operation"),
                    f.object("params"), f.integer("attempt"), at);
            case "compensation-succeeded" -> new CompensationSucceeded(run, f.text("step"), at);
            case "compensation-failed" -> new CompensationFailed(run, f.text("step"), f.integer("attempt"),
                    f.text("code"), f.text("message"), at);
            case "dead-lettered" -> new DeadLettered(run, f.text("step"), f.text("operation"), f.object("params"),
                    f.text("key"), caller(f.object("caller")), f.text("reason"), at);
            case "dead-letter-resolved" -> new DeadLetterResolved(run, f.text("step"), f.text("how"), at);
            case "workflow-finished" -> new WorkflowFinished(run, outcome(f.text("outcome")), at);
            default -> throw new IllegalArgumentException("unknown record type '" + type + "'");
        };
    }

    private static RunState outcome(String label) {
        try {
            return RunState.ofLabel(label);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown outcome '" + label + "'", e);
        }
    }

    private static ObjectNode caller(Caller caller) {
        ObjectNode o = Json.object().put("principal", caller.principal());
        ArrayNode roles = o.putArray("roles");
        caller.roles().stream().sorted().forEach(roles::add);
        return o;
    }

    private static Caller caller(ObjectNode o) {
        Fields f = new Fields(o);
        Set<String> roles = new HashSet<>();
        o.path("roles").forEach(r -> roles.add(r.asText()));
        return new Caller(f.text("principal"), roles);
    }

    /** Typed access to required fields; every miss is an {@link IllegalArgumentException}. */
    private record Fields(ObjectNode o) {
        String text(String name) {
            JsonNode n = o.get(name);
            if (n == null || !n.isTextual()) {
                throw new IllegalArgumentException("field '" + name + "' is missing or not text");
            }
            return n.asText();
        }

        ObjectNode object(String name) {
            if (o.get(name) instanceof ObjectNode child) {
                return child;
            }
            throw new IllegalArgumentException("field '" + name + "' is missing or not an object");
        }

        boolean bool(String name) {
            JsonNode n = o.get(name);
            if (n == null || !n.isBoolean()) {
                throw new IllegalArgumentException("field '" + name + "' is missing or not a boolean");
            }
            return n.asBoolean();
        }

        int integer(String name) {
            JsonNode n = o.get(name);
            if (n == null || !n.isInt()) {
                throw new IllegalArgumentException("field '" + name + "' is missing or not an integer");
            }
            return n.asInt();
        }

        Instant instant(String name) {
            try {
                return Instant.parse(text(name));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("field '" + name + "' is not an instant", e);
            }
        }
    }
}
