package dev.switchboard.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One gate as declared in a mode file.
 *
 * @param name the gate's name in the mode ({@code [[gates]] name = "room-names"})
 * @param type the provider type that builds it ({@code json-schema}, {@code naming}…)
 * @param settings the gate's own keys
 * @param location where it was declared ({@code modes/room.toml:12}), for error messages
 */
@Stable(since = "0.1")
public record GateSettings(String name, String type, ObjectNode settings, String location) {

    /** Validates and copies. */
    public GateSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        settings = Objects.requireNonNull(settings, "settings").deepCopy();
        Objects.requireNonNull(location, "location");
    }

    /** A {@link ConfigException} pointing at {@code key} of this gate. */
    public ConfigException invalid(String key, String message) {
        return new ConfigException(location + ":" + key, message);
    }
}
