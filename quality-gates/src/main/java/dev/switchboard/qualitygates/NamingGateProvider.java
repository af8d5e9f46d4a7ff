package dev.switchboard.qualitygates;

import dev.switchboard.spi.GateSettings;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.QualityGateProvider;
import java.util.Set;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Builds {@code naming} gates. Keys: {@code path} (parameter path, required), {@code pattern}
 * (regular expression the whole value must match, required), {@code rule} (the rule in words for the
 * hint; defaults to the pattern), {@code required} (absent value is a violation; default false).
 * Thread-safe.
 */
@Extension
public final class NamingGateProvider implements QualityGateProvider {

    /** Creates the provider (for ServiceLoader and PF4J). */
    public NamingGateProvider() {
        // stateless
    }

    @Override
    public String type() {
        return GateTypes.NAMING;
    }

    @Override
    public QualityGate create(GateSettings settings) {
        Settings s = Settings.of(settings, Set.of("path", "pattern", "rule", "required"));
        ParamPath path = s.paramPath("path");
        Pattern pattern = s.regex("pattern");
        String rule = s.optionalString("rule").map(r -> "rule: " + r + " (" + pattern.pattern() + ")")
                .orElse("the value must match " + pattern.pattern());
        return new NamingGate(settings.name(), path, pattern, rule, s.bool("required", false));
    }
}
