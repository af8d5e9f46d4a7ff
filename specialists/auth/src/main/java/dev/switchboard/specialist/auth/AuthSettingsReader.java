package dev.switchboard.specialist.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.Secret;
import dev.switchboard.spi.Secrets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code [specialists.auth]}: {@code keys}, {@code ttl}, {@code presets}. Every problem is a
 * {@link ConfigException} at the key's dotted path; secret values never appear in a message.
 * Stateless.
 */
final class AuthSettingsReader {

    private static final String ROOT = "specialists.auth";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*}|env:.+|file:.+");
    private static final Pattern PRESET_NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private AuthSettingsReader() {
    }

    static AuthSettings read(JsonNode config, Secrets secrets) {
        List<KeyPair> keys = keys(config, secrets);
        JsonNode ttl = config.path("ttl");
        Duration min = duration(ttl, "min", Duration.ofMinutes(1));
        Duration def = duration(ttl, "default", Duration.ofHours(6));
        Duration max = duration(ttl, "max", Duration.ofHours(24));
        if (min.compareTo(max) > 0 || def.compareTo(min) < 0 || def.compareTo(max) > 0) {
            throw new ConfigException(ROOT + ".ttl", "need min <= default <= max, got min " + Durations.human(min)
                    + ", default " + Durations.human(def) + ", max " + Durations.human(max));
        }
        Map<String, Preset> presets = new LinkedHashMap<>(Preset.builtIns());
        JsonNode configured = config.path("presets");
        if (!configured.isMissingNode() && !configured.isObject()) {
            throw new ConfigException(ROOT + ".presets", "must be a table of presets");
        }
        for (var it = configured.properties().iterator(); it.hasNext();) {
            var e = it.next();
            presets.put(e.getKey(), preset(e.getKey(), e.getValue()));
        }
        return new AuthSettings(keys, presets, def, min, max);
    }

    private static List<KeyPair> keys(JsonNode config, Secrets secrets) {
        JsonNode keys = config.path("keys");
        if (keys.isMissingNode()) {
            JsonNode lk = config.path("livekit");
            String key = lk.path("api-key").asText("${LIVEKIT_API_KEY}");
            String secret = lk.path("api-secret").asText("${LIVEKIT_API_SECRET}");
            return List.of(pair(key, secret, ROOT + ".keys (default: livekit.api-key/api-secret)", secrets));
        }
        if (!keys.isArray() || keys.isEmpty()) {
            throw new ConfigException(ROOT + ".keys", "must be a non-empty array of { key = \"...\", secret = "
                    + "\"${ENV}\" } tables; the first pair signs, all of them verify");
        }
        List<KeyPair> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String where = ROOT + ".keys[" + i + "]";
            JsonNode k = keys.get(i);
            if (!k.path("key").isTextual() || !k.path("secret").isTextual()) {
                throw new ConfigException(where, "needs string fields 'key' and 'secret'");
            }
            KeyPair pair = pair(k.path("key").asText(), k.path("secret").asText(), where, secrets);
            if (out.stream().anyMatch(p -> p.key().equals(pair.key()))) {
                throw new ConfigException(where + ".key", "API key '" + pair.key() + "' is listed twice");
            }
            out.add(pair);
        }
        return out;
    }

    private static KeyPair pair(String keyRef, String secretRef, String where, Secrets secrets) {
        if (!REFERENCE.matcher(secretRef).matches()) {
            throw new ConfigException(where + ".secret", "must be a reference such as ${LIVEKIT_API_SECRET}, "
                    + "env:NAME or file:/run/secrets/livekit, never the secret itself");
        }
        String key = REFERENCE.matcher(keyRef).matches() ? secrets.resolve(keyRef).reveal() : keyRef;
        if (key.isBlank()) {
            throw new ConfigException(where + ".key", "the API key " + keyRef + " is empty");
        }
        Secret secret = secrets.resolve(secretRef);
        if (secret.reveal().isEmpty()) {
            throw new ConfigException(where + ".secret", "the secret " + secretRef + " resolves to an empty value");
        }
        return new KeyPair(key, secret);
    }

    private static Duration duration(JsonNode ttl, String key, Duration fallback) {
        JsonNode v = ttl.path(key);
        if (v.isMissingNode()) {
            return fallback;
        }
        return Durations.parse(v).orElseThrow(() -> new ConfigException(ROOT + ".ttl." + key,
                "'" + v.asText() + "' is not a duration: use seconds or a number with s, m, h or d (\"6h\")"));
    }

    private static Preset preset(String name, JsonNode node) {
        String where = ROOT + ".presets." + name;
        if (!PRESET_NAME.matcher(name).matches()) {
            throw new ConfigException(where, "preset names are lower-kebab-case");
        }
        if (!node.isObject()) {
            throw new ConfigException(where,
                    "must be a table of grants, like { room-join = true, can-publish = false }");
        }
        Grants grants = grants(node, where);
        return new Preset(name, node.path("description").asText(""), grants);
    }

    /** Reads a preset's grants table; request overrides go through {@link GrantsParser} instead. */
    private static Grants grants(JsonNode node, String where) {
        EnumMap<Grant, Boolean> flags = new EnumMap<>(Grant.class);
        List<String> sources = new ArrayList<>();
        for (var it = node.properties().iterator(); it.hasNext();) {
            var e = it.next();
            String key = e.getKey();
            if (key.equals("description")) {
                continue;
            }
            if (key.equals(Grant.SOURCES)) {
                sources = GrantsParser.sources(e.getValue()).orElseThrow(() -> new ConfigException(where + "." + key,
                        "must be an array of " + Grant.KNOWN_SOURCES));
                continue;
            }
            Grant grant = Grant.byKey(key).orElseThrow(() -> new ConfigException(where + "." + key,
                    "unknown grant; known grants: " + Grant.knownKeys()));
            if (!e.getValue().isBoolean()) {
                throw new ConfigException(where + "." + key, "must be true or false");
            }
            flags.put(grant, e.getValue().asBoolean());
        }
        return new Grants(flags, sources);
    }
}
