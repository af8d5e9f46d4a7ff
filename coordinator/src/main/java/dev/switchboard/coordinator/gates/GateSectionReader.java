package dev.switchboard.coordinator.gates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.modes.ModeSection;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.GateSettings;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.QualityGateProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads one {@code [[gates]]} table: {@code name}, {@code type}, {@code applies-to} and the
 * type's own keys, which go to the provider. Every problem is a {@link ConfigException} located at
 * {@code file:line:key}. Stateless apart from its providers; thread-safe.
 */
final class GateSectionReader {

    static final String NAME = "name";
    static final String TYPE = "type";
    static final String APPLIES_TO = "applies-to";
    private static final Pattern GATE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final GateProviders providers;

    GateSectionReader(GateProviders providers) {
        this.providers = providers;
    }

    DeclaredGate read(ModeSection section) {
        String name = text(section, NAME);
        if (!GATE_NAME.matcher(name).matches()) {
            throw section.invalid(NAME, "'" + name + "' is not a gate name; use lower-kebab-case like room-names");
        }
        String type = text(section, TYPE);
        QualityGateProvider provider = providers.find(type).orElseThrow(() -> section.invalid(TYPE,
                "unknown gate type '" + type + "'; known types: "
                        + String.join(", ", new TreeSet<>(providers.types()))));
        List<OperationGlob> appliesTo = appliesTo(section);
        ObjectNode settings = section.tree().deepCopy();
        settings.remove(List.of(NAME, TYPE, APPLIES_TO));
        String location = section.locator().locate("");
        QualityGate gate = create(section, provider, new GateSettings(name, type, settings, location));
        return new DeclaredGate(gate, appliesTo, location);
    }

    private static QualityGate create(ModeSection section, QualityGateProvider provider, GateSettings settings) {
        try {
            return provider.create(settings);
        } catch (ConfigException e) {
            String prefix = settings.location() + ":";
            List<ConfigException.Problem> located = new ArrayList<>();
            for (ConfigException.Problem p : e.problems()) {
                located.add(p.location().startsWith(prefix)
                        ? new ConfigException.Problem(section.locator().locate(p.location().substring(prefix.length())),
                                p.message())
                        : p);
            }
            throw new ConfigException(located);
        } catch (RuntimeException e) {
            throw section.invalid(TYPE, "the '" + settings.type() + "' provider (" + provider.getClass().getName()
                    + ") failed on these settings: " + e.getClass().getSimpleName());
        }
    }

    private static List<OperationGlob> appliesTo(ModeSection section) {
        JsonNode node = section.tree().path(APPLIES_TO);
        if (node.isMissingNode()) {
            throw section.invalid(APPLIES_TO, "missing; list the operations, for example applies-to = [\"room.*\"]");
        }
        if (!node.isArray() || node.isEmpty()) {
            throw section.invalid(APPLIES_TO, "must be a non-empty array of operation globs like \"room.*\"");
        }
        List<OperationGlob> globs = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode g = node.get(i);
            if (!g.isTextual() || !OperationGlob.VALID.matcher(g.asText()).matches()) {
                throw section.invalid(APPLIES_TO + "[" + i + "]", g + " is not an operation glob; use lower-case"
                        + " names, dots, dashes and the wildcards * and ?");
            }
            globs.add(OperationGlob.of(g.asText()));
        }
        return globs;
    }

    private static String text(ModeSection section, String key) {
        JsonNode n = section.tree().path(key);
        if (n.isMissingNode()) {
            throw section.invalid(key, "missing; every [[gates]] entry needs " + key);
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            throw section.invalid(key, "must be a non-empty string, got " + n);
        }
        return n.asText();
    }
}
