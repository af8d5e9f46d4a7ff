package dev.switchboard.coordinator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code switchboard dead-letters list|retry ID}. Not thread-safe. */
@Command(name = "dead-letters", description = "List and retry parked compensations.")
final class DeadLettersCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Override
    public Integer call() {
        main.printer().problems("unavailable", "dead-letters: not available yet", java.util.List.of());
        return ExitCodes.UNAVAILABLE;
    }
}
