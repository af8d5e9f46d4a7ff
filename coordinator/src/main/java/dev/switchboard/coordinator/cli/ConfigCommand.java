package dev.switchboard.coordinator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.config.ConfigValue;
import dev.switchboard.coordinator.config.EffectiveConfig;
import dev.switchboard.spi.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code switchboard config show}: the effective configuration, each value with where it came from
 * (default, file:line, $VARIABLE, flag); secrets print as {@code <redacted>}. Not thread-safe.
 */
@Command(name = "config", description = "Show the effective configuration.",
        subcommands = ConfigCommand.Show.class)
final class ConfigCommand implements Runnable {

    @ParentCommand
    Main main;

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "missing subcommand; try 'switchboard config show'");
    }

    /** {@code config show}. */
    @Command(name = "show", description = "Print every setting's effective value and its source (secrets redacted).")
    static final class Show implements Callable<Integer> {

        @ParentCommand
        private ConfigCommand parent;

        @Override
        public Integer call() {
            Main main = parent.main;
            EffectiveConfig config = main.config();
            ObjectNode doc = Json.object();
            doc.put("file", config.file().map(Object::toString).orElse(""));
            ArrayNode list = doc.putArray("settings");
            StringBuilder text = new StringBuilder();
            text.append("# precedence: defaults < file < environment < flags; file: ")
                    .append(config.file().map(Object::toString).orElse("none")).append('\n');
            for (ConfigValue v : config.values()) {
                list.addObject().put("name", v.setting().name()).put("value", v.shown())
                        .put("source", v.source().name().toLowerCase(java.util.Locale.ROOT))
                        .put("origin", v.origin()).put("secret", v.setting().secret())
                        .put("description", v.setting().description());
                text.append(String.format("%-26s %-40s %s%n", v.setting().name(), v.shown(), v.origin()));
            }
            ArrayNode extra = doc.putArray("other-file-keys");
            config.fileOnlyKeys().forEach((k, where) -> {
                extra.addObject().put("name", k).put("origin", where);
                text.append(String.format("%-26s %-40s %s%n", k, "<not shown>", where));
            });
            main.printer().either(doc, text.toString());
            return ExitCodes.OK;
        }
    }
}
