package dev.switchboard.qualitygates;

import dev.switchboard.spi.GateSettings;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.QualityGateProvider;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Builds {@code post-verify} gates (no keys). The coordinator adds one to every operation.
 * Thread-safe.
 */
@Extension
public final class PostVerifyGateProvider implements QualityGateProvider {

    /** Creates the provider (for ServiceLoader and PF4J). */
    public PostVerifyGateProvider() {
        // stateless
    }

    @Override
    public String type() {
        return GateTypes.POST_VERIFY;
    }

    @Override
    public QualityGate create(GateSettings settings) {
        Settings.of(settings, Set.of());
        return new PostVerifyGate(settings.name());
    }
}
