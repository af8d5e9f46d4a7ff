package dev.switchboard.coordinator.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The effective value of one setting and where it came from. {@link #toString()} never shows a secret
 * value. Immutable.
 *
 * @param setting the setting
 * @param value the value; empty when nothing set it and it has no default
 * @param source where the value came from
 * @param origin a readable origin: {@code switchboard.env:3}, {@code $LIVEKIT_URL}, {@code --modes}, {@code default}
 */
public record ConfigValue(Setting setting, String value, ConfigSource source, String origin) {

    /** Validates that every part is present. */
    public ConfigValue {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(origin, "origin");
    }

    /** Whether a value is set (by any source, the default included). */
    public boolean isSet() {
        return !value.isEmpty();
    }

    /** The value, or empty when unset. A secret's value: call only where it is used, never print it. */
    public Optional<String> find() {
        return isSet() ? Optional.of(value) : Optional.empty();
    }

    /** The value as it may be shown: a secret becomes {@code <redacted>} (or {@code <unset>}). */
    public String shown() {
        if (!isSet()) {
            return "<unset>";
        }
        return setting.secret() ? "<redacted>" : value;
    }

    @Override
    public String toString() {
        return setting.name() + "=" + shown() + " (" + origin + ")";
    }
}
