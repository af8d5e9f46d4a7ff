package dev.switchboard.coordinator.plugins;

import dev.switchboard.spi.QualityGateProvider;
import dev.switchboard.spi.Specialist;
import java.util.List;
import java.util.Objects;

/**
 * One source's extensions, created but not yet started: a plugin JAR or one classpath specialist.
 *
 * @param source the JAR file name or {@code classpath}
 * @param pluginId the plugin id, or the classpath specialist's class name
 * @param specialists the specialists it provides
 * @param gates the gate providers it provides
 * @param warnings inspection warnings carried into the report
 * @param discard undoes loading when the candidate is refused or its snapshot retired
 */
record Candidate(
        String source,
        String pluginId,
        List<Specialist> specialists,
        List<QualityGateProvider> gates,
        List<String> warnings,
        Runnable discard) {

    Candidate {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pluginId, "pluginId");
        specialists = List.copyOf(specialists);
        gates = List.copyOf(gates);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(discard, "discard");
    }

    /** How reasons name this source: {@code plugin 'room' (room.jar)}. */
    String label() {
        return "classpath".equals(source)
                ? "classpath specialist " + pluginId
                : "plugin '" + pluginId + "' (" + source + ")";
    }
}
