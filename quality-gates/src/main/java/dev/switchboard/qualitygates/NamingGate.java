package dev.switchboard.qualitygates;

import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.GateCheck;
import dev.switchboard.spi.GateVerdict;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A parameter must match a regular expression as a whole. Absent values pass unless
 * {@code required}. Immutable, thread-safe.
 */
final class NamingGate implements QualityGate {

    private final String name;
    private final ParamPath path;
    private final Pattern pattern;
    private final String rule;
    private final boolean required;

    NamingGate(String name, ParamPath path, Pattern pattern, String rule, boolean required) {
        this.name = name;
        this.path = path;
        this.pattern = pattern;
        this.rule = rule;
        this.required = required;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int weight() {
        return GateTypes.NAMING_WEIGHT;
    }

    @Override
    public GateVerdict before(GateCheck check) {
        List<ParamPath.Found> found = path.resolve(check.request().params());
        List<Violation> out = new ArrayList<>();
        if (found.isEmpty() && required) {
            out.add(new Violation("naming.missing", path.displayPath(), "'" + path + "' is required by gate " + name,
                    "add it; " + rule));
        }
        for (ParamPath.Found f : found) {
            if (!f.value().isTextual()) {
                out.add(new Violation("naming.not-text", f.path(), "must be a string, got "
                        + f.value().getNodeType().name().toLowerCase(java.util.Locale.ROOT), rule));
            } else if (!pattern.matcher(f.value().textValue()).matches()) {
                out.add(new Violation("naming.mismatch", f.path(), "'" + Text.clip(f.value().textValue())
                        + "' does not follow the naming rule of gate " + name, rule));
            }
        }
        return out.isEmpty() ? GateVerdict.pass() : new GateVerdict.Block(FailureCode.INVALID_REQUEST, out);
    }
}
