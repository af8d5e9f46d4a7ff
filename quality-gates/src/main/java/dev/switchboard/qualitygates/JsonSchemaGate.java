package dev.switchboard.qualitygates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.GateCheck;
import dev.switchboard.spi.GateVerdict;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.Violation;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.Validator;

/**
 * Validates the parameters against a JSON Schema: a fixed one from the settings, or else the target
 * operation's input schema, compiled once per operation and cached. Reports every violation. Valid
 * parameters usually pass through {@link QuickSchema} on the Jackson tree alone; everit validates
 * whatever that cannot vouch for.
 * On destructive operations the confirmation flag ({@code confirm}) is not a schema violation.
 * Thread-safe.
 */
final class JsonSchemaGate implements QualityGate {

    /**
     * A compiled schema or the reason it cannot be compiled, for the schema text it came from, with its
     * quick check when it has one.
     */
    private record Compiled(ObjectNode source, Optional<Schema> schema, String problem, Optional<QuickSchema> quick) {
    }

    private static final Validator VALIDATOR = Validator.builder().build();

    private final String name;
    private final Optional<Compiled> fixed;
    private final ConcurrentMap<String, Compiled> byOperation = new ConcurrentHashMap<>();

    private JsonSchemaGate(String name, Optional<Compiled> fixed) {
        this.name = name;
        this.fixed = fixed;
    }

    /** A gate that checks each operation's own input schema. */
    static JsonSchemaGate perOperation(String name) {
        return new JsonSchemaGate(name, Optional.empty());
    }

    /** A gate that checks every operation's parameters against {@code schema} (compiled from {@code source}). */
    static JsonSchemaGate fixed(String name, ObjectNode source, Schema schema) {
        return new JsonSchemaGate(name, Optional.of(new Compiled(source, Optional.of(schema), "",
                QuickSchema.of(source))));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int weight() {
        return GateTypes.JSON_SCHEMA_WEIGHT;
    }

    @Override
    public GateVerdict before(GateCheck check) {
        Compiled compiled = fixed.orElseGet(() -> compiledFor(check.operation()));
        if (compiled.schema().isEmpty()) {
            return new GateVerdict.Block(FailureCode.INTERNAL, List.of(new Violation("schema.unusable", "$",
                    "the input schema of " + check.operation().name() + " cannot be compiled: " + compiled.problem(),
                    "the specialist that declares " + check.operation().name() + " must fix its input schema")));
        }
        JsonNode params = paramsToValidate(check);
        if (compiled.quick().isPresent() && compiled.quick().get().accepts(params)) {
            return GateVerdict.pass();
        }
        try {
            VALIDATOR.performValidation(compiled.schema().get(), OrgJson.object(params));
            return GateVerdict.pass();
        } catch (ValidationException e) {
            return new GateVerdict.Block(FailureCode.INVALID_REQUEST, SchemaViolations.of(e, params));
        }
    }

    private static JsonNode paramsToValidate(GateCheck check) {
        ObjectNode params = check.request().params();
        if (check.operation().destructive() && params.has(ConfirmationGate.PARAM)) {
            ObjectNode copy = params.deepCopy();
            copy.remove(ConfirmationGate.PARAM);
            return copy;
        }
        return params;
    }

    private Compiled compiledFor(OperationDescriptor op) {
        ObjectNode source = op.inputSchema();
        Compiled cached = byOperation.get(op.name());
        if (cached != null && (cached.source() == source || cached.source().equals(source))) {
            return cached;
        }
        Compiled fresh;
        try {
            fresh = new Compiled(source, Optional.of(SchemaCompiler.compile(source)), "", QuickSchema.of(source));
        } catch (IllegalArgumentException e) {
            fresh = new Compiled(source, Optional.empty(), String.valueOf(e.getMessage()), Optional.empty());
        }
        byOperation.put(op.name(), fresh);
        return fresh;
    }

    /** How many operation schemas this gate holds compiled (for tests). */
    int cachedSchemas() {
        return byOperation.size();
    }
}
