package dev.switchboard.coordinator.gates;

import dev.switchboard.spi.QualityGate;
import java.util.List;

/**
 * One gate of the policy with the operations it applies to.
 *
 * @param gate the built gate
 * @param appliesTo globs over operation names; empty for the built-in default gates
 * @param location where it was declared, or {@code built-in}
 */
record DeclaredGate(QualityGate gate, List<OperationGlob> appliesTo, String location) {

    DeclaredGate {
        appliesTo = List.copyOf(appliesTo);
    }

    boolean appliesTo(String operation) {
        return appliesTo.stream().anyMatch(g -> g.matches(operation));
    }
}
