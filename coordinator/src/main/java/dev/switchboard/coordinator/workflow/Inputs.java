package dev.switchboard.coordinator.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.FailureCode;
import java.util.Locale;
import java.util.Map;

/** Checks a run's inputs against the declaration and applies defaults. Stateless, thread-safe. */
final class Inputs {

    private Inputs() {
    }

    /**
     * The inputs with defaults applied.
     *
     * @throws WorkflowException naming the JSON path ({@code $.inputs.room}) of the first bad input
     */
    static ObjectNode resolve(WorkflowDefinition d, ObjectNode given) {
        for (Map.Entry<String, JsonNode> e : given.properties()) {
            if (d.input(e.getKey()).isEmpty()) {
                throw invalid(e.getKey(), "unknown input (declared: " + String.join(", ",
                        d.inputs().stream().map(InputSpec::name).toList()) + ")");
            }
        }
        ObjectNode out = given.deepCopy();
        for (InputSpec spec : d.inputs()) {
            JsonNode v = given.get(spec.name());
            if (v == null || v.isNull()) {
                out.remove(spec.name());
                if (spec.required()) {
                    throw invalid(spec.name(), "required input is missing");
                }
                if (!spec.defaultValue().isMissingNode()) {
                    out.set(spec.name(), spec.defaultValue());
                }
            } else if (!spec.type().accepts(v)) {
                throw invalid(spec.name(), "must be of type " + spec.type().label() + ", not "
                        + v.getNodeType().name().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static WorkflowException invalid(String name, String message) {
        return new WorkflowException(FailureCode.INVALID_REQUEST, "$.inputs." + name + ": " + message);
    }
}
