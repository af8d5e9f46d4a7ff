package dev.switchboard.media.voice.provider.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.media.voice.spi.ProviderSettings;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one provider's options with precise errors: each problem is located as
 * {@code <provider name>.<key>} and never quotes a key's value. Immutable, thread-safe.
 */
public final class Options {

    /** Keys every provider table may hold besides its own (read by the registry). */
    public static final Set<String> COMMON_KEYS = Set.of("type", "name");

    private static final java.util.regex.Pattern REFERENCE =
            java.util.regex.Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*}|env:[A-Za-z_][A-Za-z0-9_]*|file:/\\S+");

    private final ProviderSettings settings;

    private Options(ProviderSettings settings) {
        this.settings = settings;
    }

    /** Options of {@code settings}, rejecting keys outside {@code known} (and the common keys). */
    public static Options of(ProviderSettings settings, Set<String> known) {
        JsonNode o = settings.options();
        if (!o.isObject()) {
            throw new ConfigException(settings.name(), "options must be a table, got " + o.getNodeType());
        }
        List<ConfigException.Problem> unknown = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!known.contains(key) && !COMMON_KEYS.contains(key)) {
                unknown.add(new ConfigException.Problem(settings.name() + "." + key,
                        "unknown option (known: " + String.join(", ", known.stream().sorted().toList()) + ")"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigException(unknown);
        }
        return new Options(settings);
    }

    /** The provider's configured name. */
    public String name() {
        return settings.name();
    }

    /** A string option, or {@code fallback} when absent. */
    public String string(String key, String fallback) {
        return optionalString(key).orElse(fallback);
    }

    /** A required, non-blank string option. */
    public String requiredString(String key) {
        return optionalString(key).orElseThrow(() -> invalid(key, "is required"));
    }

    /** A string option when present. */
    public Optional<String> optionalString(String key) {
        JsonNode v = settings.options().get(key);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw invalid(key, "must be a string, got " + v.getNodeType());
        }
        if (v.asText().isBlank()) {
            throw invalid(key, "must not be blank");
        }
        return Optional.of(v.asText());
    }

    /** A number option in {@code [min, max]}, or {@code fallback} when absent. */
    public double number(String key, double fallback, double min, double max) {
        JsonNode v = settings.options().get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw invalid(key, "must be a number, got " + v.getNodeType());
        }
        double d = v.asDouble();
        if (!(d >= min && d <= max)) {
            throw invalid(key, "must be in [" + min + ", " + max + "], got " + d);
        }
        return d;
    }

    /** An integer option in {@code [min, max]}, or {@code fallback} when absent. */
    public int integer(String key, int fallback, int min, int max) {
        JsonNode v = settings.options().get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
            throw invalid(key, "must be an integer in [" + min + ", " + max + "], got " + v);
        }
        return v.asInt();
    }

    /** A boolean option, or {@code fallback} when absent. */
    public boolean bool(String key, boolean fallback) {
        JsonNode v = settings.options().get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw invalid(key, "must be true or false, got " + v.getNodeType());
        }
        return v.asBoolean();
    }

    /** A millisecond duration option ({@code *_ms}, 1 ms .. 10 min), or {@code fallback} when absent. */
    public Duration millis(String key, Duration fallback) {
        return Duration.ofMillis(integer(key, (int) fallback.toMillis(), 1, 600_000));
    }

    /**
     * A key reference option ({@code ${ENV}}, {@code env:NAME}, {@code file:/path}) resolved now, so a
     * missing variable fails at start-up naming the option and the reference (never a value).
     */
    public Optional<Secret> secret(String key) {
        Optional<String> ref = optionalString(key);
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        if (!REFERENCE.matcher(ref.get()).matches()) {
            throw invalid(key, "must be a reference such as ${OPENAI_API_KEY} (env:NAME and file:/path work too), "
                    + "never the key itself");
        }
        try {
            return Optional.of(settings.secrets().resolve(ref.get()));
        } catch (ConfigException e) {
            throw invalid(key, "cannot resolve the reference " + ref.get() + ": " + firstMessage(e));
        }
    }

    /** A required key reference. */
    public Secret requiredSecret(String key) {
        return secret(key).orElseThrow(() -> invalid(key, "is required (a reference such as ${ENV_NAME})"));
    }

    /** A configuration error located at this provider's {@code key}. */
    public ConfigException invalid(String key, String message) {
        return new ConfigException(settings.name() + "." + key, message);
    }

    private static String firstMessage(ConfigException e) {
        return e.problems().getFirst().message();
    }
}
