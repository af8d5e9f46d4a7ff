package dev.switchboard.coordinator.config;

/**
 * Where an effective value came from, lowest precedence first: a later source wins. Thread-safe.
 */
public enum ConfigSource {
    /** Nothing set it: the built-in default (or none). */
    DEFAULT,
    /** The settings file ({@code --config FILE} or {@code $SWITCHBOARD_CONFIG}). */
    FILE,
    /** The process environment. */
    ENVIRONMENT,
    /** A command-line flag. */
    FLAG
}
