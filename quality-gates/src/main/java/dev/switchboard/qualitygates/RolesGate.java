package dev.switchboard.qualitygates;

import dev.switchboard.spi.Caller;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.GateCheck;
import dev.switchboard.spi.GateVerdict;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.Violation;
import java.util.List;

/** The caller must hold any (or all) of the listed roles. Immutable, thread-safe. */
final class RolesGate implements QualityGate {

    private final String name;
    private final List<String> roles;
    private final boolean all;

    RolesGate(String name, List<String> roles, boolean all) {
        this.name = name;
        this.roles = List.copyOf(roles);
        this.all = all;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int weight() {
        return GateTypes.ROLES_WEIGHT;
    }

    @Override
    public GateVerdict before(GateCheck check) {
        Caller caller = check.request().caller();
        List<String> missing = roles.stream().filter(r -> !caller.hasRole(r)).toList();
        boolean ok = all ? missing.isEmpty() : missing.size() < roles.size();
        if (ok) {
            return GateVerdict.pass();
        }
        String needs = all ? "all of: " + String.join(", ", roles) : "any of: " + String.join(", ", roles);
        String lacks = all ? String.join(", ", missing) : (roles.size() == 1 ? roles.get(0) : needs);
        return new GateVerdict.Block(FailureCode.PERMISSION_DENIED, List.of(new Violation("roles.missing", "$",
                "caller '" + Text.clip(caller.principal()) + "' lacks the role " + lacks + " required by gate " + name
                        + " for " + check.operation().name(),
                "call with a principal that has " + needs)));
    }
}
