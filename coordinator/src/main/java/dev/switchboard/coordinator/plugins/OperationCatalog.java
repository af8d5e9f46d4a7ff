package dev.switchboard.coordinator.plugins;

import java.util.Collection;
import java.util.Optional;

/**
 * The operations the loaded specialists declare, by name. Implementations are thread-safe; a
 * catalog is a snapshot (reloading plugins produces a new one).
 */
public interface OperationCatalog {

    /** The operation called {@code name}, if a loaded specialist declares it. */
    Optional<SpecialistOperation> find(String name);

    /** Every operation, in name order. */
    Collection<SpecialistOperation> all();
}
