package dev.switchboard.coordinator.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration in force, with one precedence: <b>defaults &lt; file &lt; environment &lt; CLI
 * flags</b>. The file is {@code --config FILE}, else {@code $SWITCHBOARD_CONFIG}, else none. Every
 * value remembers where it came from; secrets print as {@code <redacted>}. Immutable, thread-safe.
 */
public final class EffectiveConfig {

    private final Optional<Path> file;
    private final Map<String, ConfigValue> values;
    private final Map<String, String> environment;
    private final Map<String, String> fileOnlyKeys;

    private EffectiveConfig(Optional<Path> file, Map<String, ConfigValue> values, Map<String, String> environment,
            Map<String, String> fileOnlyKeys) {
        this.file = file;
        this.values = Collections.unmodifiableMap(values);
        this.environment = Collections.unmodifiableMap(environment);
        this.fileOnlyKeys = Collections.unmodifiableMap(fileOnlyKeys);
    }

    /**
     * Resolves the configuration.
     *
     * @param environment the process environment
     * @param configFlag the {@code --config} flag's value, {@code ""} when not given
     * @param flags values given as CLI flags, by setting name
     * @throws dev.switchboard.spi.ConfigException naming {@code file:line} when the settings file is
     *     missing or malformed
     */
    public static EffectiveConfig resolve(Map<String, String> environment, String configFlag,
            Map<String, String> flags) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(configFlag, "configFlag");
        Objects.requireNonNull(flags, "flags");
        String named = !configFlag.isBlank() ? configFlag : environment.getOrDefault(Settings.CONFIG, "");
        Optional<Path> file = named.isBlank() ? Optional.empty() : Optional.of(Path.of(named));
        Map<String, ConfigFile.Entry> fromFile = file.map(ConfigFile::read).orElse(Map.of());
        Map<String, String> merged = new LinkedHashMap<>();
        Map<String, String> fileOnly = new LinkedHashMap<>();
        fromFile.forEach((k, e) -> {
            merged.put(k, e.value());
            if (Settings.find(k).isEmpty()) {
                fileOnly.put(k, file.orElseThrow() + ":" + e.line());
            }
        });
        merged.putAll(environment);
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        for (Setting s : Settings.all()) {
            values.put(s.name(), valueOf(s, file, fromFile, environment, flags));
        }
        return new EffectiveConfig(file, values, merged, fileOnly);
    }

    /** From the environment alone (no file, no flags). */
    public static EffectiveConfig fromEnvironment(Map<String, String> environment) {
        return resolve(environment, "", Map.of());
    }

    private static ConfigValue valueOf(Setting s, Optional<Path> file, Map<String, ConfigFile.Entry> fromFile,
            Map<String, String> env, Map<String, String> flags) {
        String flag = flags.getOrDefault(s.name(), "");
        if (!flag.isEmpty()) {
            return new ConfigValue(s, flag, ConfigSource.FLAG, s.flagUsage().isEmpty() ? "flag" : s.flagUsage());
        }
        String fromEnv = env.getOrDefault(s.name(), "");
        if (!fromEnv.isEmpty()) {
            return new ConfigValue(s, fromEnv, ConfigSource.ENVIRONMENT, "$" + s.name());
        }
        ConfigFile.Entry entry = fromFile.get(s.name());
        if (entry != null && !entry.value().isEmpty()) {
            return new ConfigValue(s, entry.value(), ConfigSource.FILE, file.orElseThrow() + ":" + entry.line());
        }
        return new ConfigValue(s, s.defaultValue(), ConfigSource.DEFAULT, "default");
    }

    /** The settings file read, if any. */
    public Optional<Path> file() {
        return file;
    }

    /** The effective value of a catalog setting. */
    public ConfigValue get(String name) {
        ConfigValue v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("unknown setting " + name + "; see Settings.all()");
        }
        return v;
    }

    /** The value of a catalog setting, or empty when unset (defaults count as set). */
    public Optional<String> value(String name) {
        return get(name).find();
    }

    /** Every catalog setting's effective value, in catalog order. */
    public List<ConfigValue> values() {
        return new ArrayList<>(values.values());
    }

    /**
     * The environment commands see: every key of the file, overridden by the process environment
     * (flags are applied by the commands themselves). Holds secret values: never print it.
     */
    public Map<String, String> environment() {
        return environment;
    }

    /** Keys the file sets that are not catalog settings (secret references use them), with {@code file:line}. */
    public Map<String, String> fileOnlyKeys() {
        return fileOnlyKeys;
    }

    @Override
    public String toString() {
        return "EffectiveConfig" + values.values();
    }
}
