package dev.switchboard.export;

import dev.switchboard.spi.OperationDescriptor;
import java.util.Objects;

/**
 * One operation as the exports document it. Immutable.
 *
 * @param specialist the specialist that runs it
 * @param origin the plugin JAR's file name, or {@code classpath}
 * @param descriptor what the specialist declares
 */
public record ExportedOperation(String specialist, String origin, OperationDescriptor descriptor) {

    /** Validates that every part is present. */
    public ExportedOperation {
        Objects.requireNonNull(specialist, "specialist");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(descriptor, "descriptor");
    }
}
