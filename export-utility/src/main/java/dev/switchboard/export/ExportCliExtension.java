package dev.switchboard.export;

import dev.switchboard.coordinator.cli.CliContext;
import dev.switchboard.coordinator.cli.CliExtension;

/**
 * Contributes {@code switchboard export} to the CLI (registered in
 * {@code META-INF/services/dev.switchboard.coordinator.cli.CliExtension}). Stateless, thread-safe.
 */
public final class ExportCliExtension implements CliExtension {

    /** For {@link java.util.ServiceLoader}. */
    public ExportCliExtension() {
    }

    @Override
    public Object command(CliContext context) {
        return new ExportCommand(context);
    }
}
