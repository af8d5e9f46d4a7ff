package dev.switchboard.coordinator.cli;

/**
 * Adds a subcommand to {@code switchboard} from another module: {@link Main} finds implementations with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.switchboard.coordinator.cli.CliExtension})
 * and adds each one's command. This is how {@code switchboard export} (module {@code export-utility},
 * which depends on the coordinator) joins the CLI without a dependency cycle. Implementations need a
 * public no-argument constructor and must be thread-safe.
 */
public interface CliExtension {

    /**
     * A picocli command object ({@code @Command}-annotated, usually {@code Callable<Integer>} returning an
     * {@link ExitCodes} value) bound to {@code context}.
     */
    Object command(CliContext context);
}
