package dev.switchboard.qualitygates;

import dev.switchboard.spi.GateSettings;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.QualityGateProvider;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Builds {@code confirmation} gates (no keys). The coordinator adds one to every destructive
 * operation; declare one in the modes to ask for confirmation on other operations too. Thread-safe.
 */
@Extension
public final class ConfirmationGateProvider implements QualityGateProvider {

    /** Creates the provider (for ServiceLoader and PF4J). */
    public ConfirmationGateProvider() {
        // stateless
    }

    @Override
    public String type() {
        return GateTypes.CONFIRMATION;
    }

    @Override
    public QualityGate create(GateSettings settings) {
        Settings.of(settings, Set.of());
        return new ConfirmationGate(settings.name());
    }
}
