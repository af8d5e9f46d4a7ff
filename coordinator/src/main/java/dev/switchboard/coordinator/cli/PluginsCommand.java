package dev.switchboard.coordinator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.coordinator.internal.Coordinator;
import dev.switchboard.coordinator.plugins.PluginReport;
import dev.switchboard.coordinator.plugins.SpecialistOperation;
import dev.switchboard.spi.Json;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
                PluginReport report = ((Coordinator) switchboard).pluginReport();
                List<SpecialistOperation> ops = switchboard.operations().stream()
                        .sorted(Comparator.comparing((SpecialistOperation o) -> o.descriptor().name())).toList();
                main.printer().either(document(report, ops), text(report, ops));
                return ExitCodes.OK;
            }
        }

        private static ObjectNode document(PluginReport report, List<SpecialistOperation> ops) {
            ObjectNode doc = Json.object();
            ArrayNode plugins = doc.putArray("plugins");
            for (PluginReport.Entry e : report.entries()) {
                ObjectNode entry = plugins.addObject().put("source", e.source()).put("plugin-id", e.pluginId())
                        .put("state", e.state().name().toLowerCase(Locale.ROOT)).put("reason", e.reason());
                e.operations().forEach(entry.putArray("operations")::add);
                e.warnings().forEach(entry.putArray("warnings")::add);
            }
            ArrayNode operations = doc.putArray("operations");
            for (SpecialistOperation o : ops) {
                operations.addObject().put("operation", o.descriptor().name()).put("specialist", o.specialist().name())
                        .put("origin", o.origin()).put("description", o.descriptor().description())
                        .put("destructive", o.descriptor().destructive());
            }
            return doc;
        }

        private static String text(PluginReport report, List<SpecialistOperation> ops) {
            StringBuilder out = new StringBuilder();
            report.entries().forEach(e -> out.append(e).append('\n'));
            warnings(report, out);
            if (ops.isEmpty()) {
                return out.append("no operations loaded\n").toString();
            }
            out.append('\n');
            for (SpecialistOperation o : ops) {
                out.append(String.format("%-28s %-12s %-24s %s%n", o.descriptor().name(), o.specialist().name(),
                        o.origin(), o.descriptor().description()));
            }
            return out.toString();
        }

        private static void warnings(PluginReport report, StringBuilder out) {
            report.entries().stream().flatMap(e -> e.warnings().stream().map(w -> e.source() + ": warning: " + w))
                    .forEach(w -> out.append(w).append('\n'));
        }
    }
}
