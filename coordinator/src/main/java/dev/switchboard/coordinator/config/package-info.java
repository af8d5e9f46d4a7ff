/**
 * Switchboard's settings: the catalog of every setting ({@link dev.switchboard.coordinator.config.Settings}),
 * and the effective configuration with one precedence, defaults &lt; file &lt; environment &lt; CLI flags
 * ({@link dev.switchboard.coordinator.config.EffectiveConfig}). {@code switchboard config show},
 * {@code switchboard doctor} and the exports read them; secrets are only ever shown as references.
 */
package dev.switchboard.coordinator.config;
