package dev.switchboard.spi;

import org.pf4j.ExtensionPoint;

/**
 * Builds gates of one type from their mode settings. Built-in providers live in
 * {@code switchboard-quality-gates}; plugins may add more. Thread-safe.
 */
@Stable(since = "0.1")
public interface QualityGateProvider extends ExtensionPoint {

    /** The type name used in the modes ({@code json-schema}). */
    String type();

    /**
     * Builds a gate.
     *
     * @throws ConfigException naming {@link GateSettings#location()} and the key when the settings are invalid
     */
    QualityGate create(GateSettings settings);
}
