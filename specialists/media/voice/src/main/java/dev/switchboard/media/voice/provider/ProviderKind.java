package dev.switchboard.media.voice.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.media.voice.spi.ProviderSettings;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.Secrets;
import dev.switchboard.spi.TimeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Builds one kind of provider (LLM, STT or TTS) from tables, with located errors. Immutable. */
final class ProviderKind<F, P> {

    private final String kind;
    private final Map<String, F> byType = new LinkedHashMap<>();
    private final BiFunction<F, ProviderSettings, P> create;
    private final BiFunction<String, List<P>, P> chain;

    ProviderKind(String kind, Collection<? extends F> factories, Function<F, String> type,
            BiFunction<F, ProviderSettings, P> create, BiFunction<String, List<P>, P> chain) {
        this.kind = kind;
        this.create = create;
        this.chain = chain;
        for (F f : factories) {
            byType.putIfAbsent(type.apply(f), f); // the first factory of a type wins (built-ins can be shadowed)
        }
    }

    List<F> factories() {
        return List.copyOf(byType.values());
    }

    Set<String> types() {
        return new TreeSet<>(byType.keySet());
    }

    P build(String location, JsonNode config, Secrets secrets, TimeSource time) {
        if (config.isObject()) {
            return one(location, config, secrets, time);
        }
        if (!config.isArray()) {
            throw new ConfigException(location, "must be a " + kind + " table or an array of them, got "
                    + config.getNodeType());
        }
        if (config.isEmpty()) {
            throw new ConfigException(location, "a fallback list needs at least one " + kind + " provider");
        }
        List<P> list = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < config.size(); i++) {
            String at = location + "[" + i + "]";
            JsonNode table = config.get(i);
            if (!table.isObject()) {
                throw new ConfigException(at, "must be a " + kind + " table, got " + table.getNodeType());
            }
            P p = one(at, table, secrets, time);
            String name = name(at, table);
            if (!seen.add(name)) {
                throw new ConfigException(at + ".name", "'" + name + "' is used twice in this fallback list; "
                        + "give each entry its own name");
            }
            names.add(name);
            list.add(p);
        }
        return list.size() == 1 ? list.getFirst() : chain.apply(String.join(">", names), list);
    }

    private P one(String at, JsonNode table, Secrets secrets, TimeSource time) {
        JsonNode type = table.get("type");
        if (type == null || !type.isTextual()) {
            throw new ConfigException(at + ".type", "is required (a string; known " + kind + " types: "
                    + String.join(", ", types()) + ")");
        }
        F factory = byType.get(type.asText());
        if (factory == null) {
            throw new ConfigException(at + ".type", "unknown " + kind + " type '" + type.asText() + "' (known: "
                    + String.join(", ", types()) + ")");
        }
        String name = name(at, table);
        ObjectNode options = ((ObjectNode) table).deepCopy();
        options.remove("type");
        options.remove("name");
        try {
            return create.apply(factory, new ProviderSettings(name, options, secrets, time));
        } catch (ConfigException e) {
            List<ConfigException.Problem> located = new ArrayList<>();
            for (ConfigException.Problem p : e.problems()) {
                String loc = p.location();
                String rest = loc.equals(name) ? "" : loc.startsWith(name + ".") ? loc.substring(name.length()) : null;
                located.add(new ConfigException.Problem(rest == null ? at + " (" + loc + ")" : at + rest, p.message()));
            }
            throw new ConfigException(located);
        }
    }

    private static String name(String at, JsonNode table) {
        JsonNode n = table.get("name");
        if (n == null) {
            return table.path("type").asText();
        }
        if (!n.isTextual() || !n.asText().matches("[A-Za-z0-9_.\\-]{1,64}")) {
            throw new ConfigException(at + ".name", "must be 1-64 letters, digits, '.', '_' or '-'");
        }
        return n.asText();
    }

    @Override
    public String toString() {
        return kind + " providers " + byType.keySet();
    }
}
