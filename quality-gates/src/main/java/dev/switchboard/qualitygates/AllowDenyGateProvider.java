package dev.switchboard.qualitygates;

import dev.switchboard.spi.GateSettings;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.QualityGateProvider;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Builds {@code allow-deny} gates. Keys: {@code subject} ({@code param}, {@code principal} or
 * {@code tag}; required), {@code path} (with {@code param}), {@code tag} (the tag key, with
 * {@code tag}), {@code allow} and {@code deny} (lists of values; {@code *} and {@code ?} are
 * wildcards; at least one list must be non-empty). Thread-safe.
 */
@Extension
public final class AllowDenyGateProvider implements QualityGateProvider {

    /** Creates the provider (for ServiceLoader and PF4J). */
    public AllowDenyGateProvider() {
        // stateless
    }

    @Override
    public String type() {
        return GateTypes.ALLOW_DENY;
    }

    @Override
    public QualityGate create(GateSettings settings) {
        Settings s = Settings.of(settings, Set.of("subject", "path", "tag", "allow", "deny"));
        String kind = s.choice("subject", s.string("subject"), List.of("param", "principal", "tag"));
        AllowDenyGate.Subject subject = switch (kind) {
            case "param" -> new AllowDenyGate.Param(s.paramPath("path"));
            case "tag" -> new AllowDenyGate.Tag(s.string("tag"));
            default -> new AllowDenyGate.Principal();
        };
        if (!kind.equals("param") && s.has("path")) {
            throw s.invalid("path", "only used with subject = \"param\"");
        }
        if (!kind.equals("tag") && s.has("tag")) {
            throw s.invalid("tag", "only used with subject = \"tag\"");
        }
        List<Glob> allow = s.strings("allow").stream().map(Glob::of).toList();
        List<Glob> deny = s.strings("deny").stream().map(Glob::of).toList();
        if (allow.isEmpty() && deny.isEmpty()) {
            throw s.invalid(s.has("allow") ? "allow" : "deny",
                    "an allow-deny gate needs a non-empty allow or deny list");
        }
        return new AllowDenyGate(settings.name(), subject, allow, deny);
    }
}
