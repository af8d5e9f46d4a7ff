package dev.switchboard.coordinator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchboard modes …}: validate and explain the modes. Not thread-safe. */
@Command(name = "modes", description = "Validate modes and explain routes.",
        subcommands = {ModesValidateCommand.class, ModesExplainCommand.class})
final class ModesCommand implements Runnable {

    @ParentCommand
    Main main;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: validate or explain");
    }
}
