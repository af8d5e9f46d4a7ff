package dev.switchboard.coordinator.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.coordinator.SwitchboardBuilder;
import dev.switchboard.spi.Json;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code switchboard modes validate [DIR]}: loads the modes (built-ins plus DIR, else {@code --modes})
 * and compiles routes, gates and workflows against the loaded plugins. Exit 0 when valid, 3 with
 * every {@code file:line:key} otherwise. Not thread-safe.
 */
@Command(name = "validate", description = "Check a modes folder (default: --modes) against the loaded plugins.")
final class ModesValidateCommand implements Callable<Integer> {

    @ParentCommand
    private ModesCommand modes;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The modes folder to check.")
    private Path folder;

    @Override
    public Integer call() {
        Main main = modes.main;
        SwitchboardBuilder builder = main.builder(false);
        Path checked = folder != null ? folder : main.modesFolder().orElse(null);
        if (checked != null) {
            builder.modes(checked);
        }
        try (Switchboard switchboard = builder.build()) {
            String where = checked == null ? "built-in modes" : checked.toString();
            ObjectNode doc = Json.object().put("status", "valid").put("modes", where)
                    .put("operations", switchboard.operations().size());
            main.printer().either(doc, "modes valid: " + where + " (" + switchboard.operations().size()
                    + " operations loaded)\n");
            return ExitCodes.OK;
        }
    }
}
