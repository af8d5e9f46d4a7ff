package dev.switchboard.coordinator.cli;

import dev.switchboard.coordinator.config.Settings;
import java.util.Map;
import picocli.CommandLine;

/**
 * Gives a subcommand's flag ({@code serve --port}) the value of its setting
 * ({@code SWITCHBOARD_HTTP_PORT}) from the settings file or the environment, so a flag given on the
 * command line wins over both, and the flag's own default applies when neither sets it. Global flags
 * are resolved by {@link Main} itself. Immutable, thread-safe.
 */
final class SettingDefaults implements CommandLine.IDefaultValueProvider {

    private final Map<String, String> environment;

    SettingDefaults(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec arg) {
        if (!(arg instanceof CommandLine.Model.OptionSpec option) || option.command().parent() == null) {
            return null;
        }
        String command = option.command().name();
        return Settings.forFlag(command, option.longestName())
                .map(s -> environment.getOrDefault(s.name(), ""))
                .filter(v -> !v.isBlank())
                .orElse(null);
    }
}
