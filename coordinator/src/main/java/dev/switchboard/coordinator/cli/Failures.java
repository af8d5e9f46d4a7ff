package dev.switchboard.coordinator.cli;

import dev.switchboard.coordinator.routing.UnknownOperationException;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.SwitchboardException;
import picocli.CommandLine;

/**
 * Maps what a command throws to a message on stderr and an exit code: invalid modes → 3 with every
 * {@code file:line:key}, unknown operation → 5, an invalid setting → 2, anything else → 70 naming
 * only the exception class (messages of unexpected exceptions may carry anything). Not thread-safe.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {

    private final Main main;

    Failures(Main main) {
        this.main = main;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        Printer printer = main.printer();
        return switch (e) {
            case ConfigException c -> {
                printer.problems("config_invalid", "the modes are invalid", c.problems().stream()
                        .map(p -> p.location() + ": " + p.message()).toList());
                yield ExitCodes.CONFIG_INVALID;
            }
            case UnknownOperationException u -> {
                printer.problems(u.code(), u.getMessage(), u.suggestions());
                yield ExitCodes.UNKNOWN_OPERATION;
            }
            case CommandLine.ParameterException p -> {
                cmd.getErr().println(p.getMessage());
                yield ExitCodes.USAGE;
            }
            case IllegalArgumentException i -> {
                printer.problems("usage", i.getMessage(), java.util.List.of());
                yield ExitCodes.USAGE;
            }
            case SwitchboardException s -> {
                printer.problems(s.code(), s.getMessage(), java.util.List.of());
                yield ExitCodes.of(dev.switchboard.spi.OperationResult.failure(s.code(), s.getMessage()));
            }
            default -> {
                printer.problems("internal", "unexpected " + e.getClass().getName()
                        + " (run with SWITCHBOARD_LOG_LEVEL=DEBUG for details)", java.util.List.of());
                org.slf4j.LoggerFactory.getLogger(Main.class).debug("unexpected failure", e);
                yield ExitCodes.INTERNAL;
            }
        };
    }
}
