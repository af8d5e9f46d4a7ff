package dev.switchboard.coordinator.plugins;

import dev.switchboard.spi.SwitchboardException;

/**
 * The plugin host was used in a way it cannot serve: after {@link PluginHost#close()}, or with a
 * plugins folder that is not a folder. Bad plugin JARs never throw this; they are refused in the
 * {@link PluginReport}.
 */
public final class PluginHostException extends SwitchboardException {

    PluginHostException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "plugin_host";
    }
}
