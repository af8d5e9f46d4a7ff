package dev.switchboard.qualitygates;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.spi.GateCheck;
import dev.switchboard.spi.GateVerdict;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.Violation;

/**
 * The request must confirm that it means it: parameter {@code confirm = true} (a boolean, or the
 * string {@code "true"} as the CLI's {@code --param} sends it) or tag {@code confirmed=true}.
 * Immutable, thread-safe.
 */
final class ConfirmationGate implements QualityGate {

    /** The confirming parameter. */
    static final String PARAM = "confirm";
    /** The confirming tag. */
    static final String TAG = "confirmed";

    private final String name;

    ConfirmationGate(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int weight() {
        return GateTypes.CONFIRMATION_WEIGHT;
    }

    @Override
    public GateVerdict before(GateCheck check) {
        JsonNode flag = check.request().params().path(PARAM);
        boolean confirmed = flag.isBoolean() && flag.booleanValue()
                || flag.isTextual() && flag.textValue().equals("true")
                || "true".equals(check.request().tags().get(TAG));
        if (confirmed) {
            return GateVerdict.pass();
        }
        String what = check.operation().destructive() ? " is destructive and" : "";
        return GateVerdict.block(new Violation("confirmation.required", "$." + PARAM,
                check.operation().name() + what + " needs an explicit confirmation (gate " + name + ")",
                "send the parameter \"confirm\": true (CLI: --param confirm=true) or the tag confirmed=true"));
    }
}
