package dev.switchboard.qualitygates;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.GateCheck;
import dev.switchboard.spi.GateVerdict;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Allow and deny lists over one subject: a parameter, the caller principal or a tag. A deny match
 * always blocks; with an allow list, a value must match one of its entries (an absent value then
 * blocks too); with only a deny list, an absent value passes. Immutable, thread-safe.
 */
final class AllowDenyGate implements QualityGate {

    /** What the lists are applied to. */
    sealed interface Subject permits Param, Principal, Tag {
    }

    /** A parameter's value(s). */
    record Param(ParamPath path) implements Subject {
    }

    /** The caller principal. */
    record Principal() implements Subject {
    }

    /** One tag's value. */
    record Tag(String key) implements Subject {
    }

    private record Value(String path, Optional<String> text) {
    }

    private final String name;
    private final Subject subject;
    private final List<Glob> allow;
    private final List<Glob> deny;

    AllowDenyGate(String name, Subject subject, List<Glob> allow, List<Glob> deny) {
        this.name = name;
        this.subject = subject;
        this.allow = List.copyOf(allow);
        this.deny = List.copyOf(deny);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int weight() {
        return GateTypes.ALLOW_DENY_WEIGHT;
    }

    @Override
    public GateVerdict before(GateCheck check) {
        List<Violation> out = new ArrayList<>();
        for (Value v : values(check)) {
            check(v).ifPresent(out::add);
        }
        if (out.isEmpty()) {
            return GateVerdict.pass();
        }
        String code = subject instanceof Param ? FailureCode.GATE_REJECTED : FailureCode.PERMISSION_DENIED;
        return new GateVerdict.Block(code, out);
    }

    private Optional<Violation> check(Value v) {
        String what = describe();
        if (v.text().isEmpty()) {
            return allow.isEmpty() ? Optional.empty() : Optional.of(new Violation("allow-deny.missing", v.path(),
                    what + " is absent or not a plain value; gate " + name + " only lets listed values through",
                    hint()));
        }
        String value = v.text().get();
        for (Glob g : deny) {
            if (g.matches(value)) {
                return Optional.of(new Violation("allow-deny.denied", v.path(), what + " '" + Text.clip(value)
                        + "' is denied by gate " + name + " (entry '" + g + "')", ""));
            }
        }
        if (!allow.isEmpty() && allow.stream().noneMatch(g -> g.matches(value))) {
            return Optional.of(new Violation("allow-deny.not-allowed", v.path(), what + " '" + Text.clip(value)
                    + "' is not on the allow list of gate " + name, hint()));
        }
        return Optional.empty();
    }

    private String hint() {
        return switch (subject) {
            case Param p -> "allowed values: " + Text.list(allow.stream().map(Glob::toString).toList());
            case Principal p -> "ask an operator to add the caller to the allow list of gate " + name;
            case Tag t -> "send the tag " + t.key() + " with one of: "
                    + Text.list(allow.stream().map(Glob::toString).toList());
        };
    }

    private String describe() {
        return switch (subject) {
            case Param p -> "parameter " + p.path();
            case Principal p -> "caller";
            case Tag t -> "tag " + t.key();
        };
    }

    private List<Value> values(GateCheck check) {
        return switch (subject) {
            case Param p -> {
                List<ParamPath.Found> found = p.path().resolve(check.request().params());
                if (found.isEmpty()) {
                    yield List.of(new Value(p.path().displayPath(), Optional.empty()));
                }
                yield found.stream().map(f -> new Value(f.path(), scalar(f.value()))).toList();
            }
            case Principal p -> List.of(new Value("$", Optional.of(check.request().caller().principal())));
            case Tag t -> List.of(new Value("$", Optional.ofNullable(check.request().tags().get(t.key()))));
        };
    }

    private static Optional<String> scalar(JsonNode node) {
        return node.isValueNode() ? Optional.of(node.asText()) : Optional.empty();
    }
}
