package dev.switchboard.coordinator.gates;

import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.QualityGate;
import java.util.List;

/**
 * Which gates guard which operation, as declared by the {@code [[gates]]} tables of the modes
 * (plus the gates every operation gets: its input schema, confirmation when destructive, and
 * post-condition verification). Immutable and thread-safe; a mode reload builds a new policy.
 */
public interface GatePolicy {

    /** The gates for one operation, in ascending weight order. */
    List<QualityGate> gatesFor(OperationDescriptor operation);

    /** The chain that runs {@link #gatesFor} for one operation; policies may cache it. */
    default GateChain chainFor(OperationDescriptor operation) {
        return GateChain.of(gatesFor(operation));
    }
}
