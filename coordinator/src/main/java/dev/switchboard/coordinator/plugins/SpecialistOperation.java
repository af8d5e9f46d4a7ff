package dev.switchboard.coordinator.plugins;

import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.Specialist;
import java.util.Objects;

/**
 * One operation together with the specialist that runs it and where that specialist came from.
 *
 * @param specialist the started specialist instance
 * @param descriptor the operation's descriptor
 * @param origin where it was loaded from: the plugin JAR's file name or {@code classpath}
 */
public record SpecialistOperation(Specialist specialist, OperationDescriptor descriptor, String origin) {

    /** Validates that every part is present. */
    public SpecialistOperation {
        Objects.requireNonNull(specialist, "specialist");
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(origin, "origin");
    }
}
