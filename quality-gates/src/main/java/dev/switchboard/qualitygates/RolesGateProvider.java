package dev.switchboard.qualitygates;

import dev.switchboard.spi.GateSettings;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.QualityGateProvider;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Builds {@code roles} gates. Keys: {@code roles} (non-empty list, required), {@code match}
 * ({@code any} or {@code all}; default {@code any}). Thread-safe.
 */
@Extension
public final class RolesGateProvider implements QualityGateProvider {

    /** Creates the provider (for ServiceLoader and PF4J). */
    public RolesGateProvider() {
        // stateless
    }

    @Override
    public String type() {
        return GateTypes.ROLES;
    }

    @Override
    public QualityGate create(GateSettings settings) {
        Settings s = Settings.of(settings, Set.of("roles", "match"));
        List<String> roles = s.strings("roles");
        if (roles.isEmpty()) {
            throw s.invalid("roles", s.has("roles") ? "must list at least one role" : "missing; it is required");
        }
        boolean all = s.choice("match", "any", List.of("any", "all")).equals("all");
        return new RolesGate(settings.name(), roles, all);
    }
}
