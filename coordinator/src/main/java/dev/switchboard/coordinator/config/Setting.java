package dev.switchboard.coordinator.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One setting of Switchboard: the environment variable that carries it, the CLI flag that overrides it
 * (if any), its default and a one-line description. Immutable.
 *
 * @param name the environment variable, upper snake case ({@code SWITCHBOARD_HTTP_PORT})
 * @param group the part of Switchboard it belongs to ({@code core}, {@code http}, {@code livekit}, {@code voice})
 * @param command the command whose flag overrides it: empty for a global flag, {@code serve}…
 * @param flag the overriding flag ({@code --port}), empty when there is none
 * @param defaultValue the value when nothing sets it, empty when it has none
 * @param description one line for {@code config show}, the dotenv example and the docs
 * @param secret whether the value is secret: shown and exported only as a reference
 */
public record Setting(String name, String group, String command, String flag, String defaultValue,
        String description, boolean secret) {

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** Validates the name and that every part is present. */
    public Setting {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("setting name '" + name + "' must be UPPER_SNAKE_CASE");
        }
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        if (secret && !defaultValue.isEmpty()) {
            throw new IllegalArgumentException("secret setting " + name + " must not have a default");
        }
    }

    /** The reference a secret is exported as: {@code ${NAME}}. */
    public String reference() {
        return "${" + name + "}";
    }

    /** The flag as written on a command line ({@code serve --port}), empty when there is none. */
    public String flagUsage() {
        if (flag.isEmpty()) {
            return "";
        }
        return command.isEmpty() ? flag : command + " " + flag;
    }
}
