package dev.switchboard.coordinator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.coordinator.plugins.SpecialistOperation;
import dev.switchboard.spi.Json;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchboard plugins list}: what was loaded (and refused) from where. Not thread-safe. */
@Command(name = "plugins", description = "List loaded specialists and their operations.",
        subcommands = PluginsCommand.ListPlugins.class)
final class PluginsCommand implements Runnable {

    @ParentCommand
    private Main main;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list");
    }

    /** {@code plugins list}. */
    @Command(name = "list", description = "List every loaded operation with its specialist and origin.")
    static final class ListPlugins implements Callable<Integer> {

        @ParentCommand
        private PluginsCommand parent;

        @Override
        public Integer call() {
            Main main = parent.main;
            try (Switchboard switchboard = main.open(false)) {
                List<SpecialistOperation> ops = switchboard.operations().stream()
                        .sorted(Comparator.comparing((SpecialistOperation o) -> o.origin())
                                .thenComparing(o -> o.descriptor().name())).toList();
                ArrayNode doc = Json.mapper().createArrayNode();
                StringBuilder text = new StringBuilder();
                for (SpecialistOperation o : ops) {
                    doc.addObject().put("operation", o.descriptor().name()).put("specialist", o.specialist().name())
                            .put("origin", o.origin()).put("description", o.descriptor().description())
                            .put("destructive", o.descriptor().destructive());
                    text.append(String.format("%-28s %-12s %-24s %s%n", o.descriptor().name(), o.specialist().name(),
                            o.origin(), o.descriptor().description()));
                }
                main.printer().either(doc, text.isEmpty() ? "no operations loaded\n" : text.toString());
                return ExitCodes.OK;
            }
        }
    }
}
