package dev.switchboard.coordinator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code switchboard journal list|show ID|recover}. Not thread-safe. */
@Command(name = "journal", description = "Inspect and recover the journal.")
final class JournalCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Override
    public Integer call() {
        main.printer().problems("unavailable", "journal: not available yet", java.util.List.of());
        return ExitCodes.UNAVAILABLE;
    }
}
