package dev.switchboard.coordinator.internal;

import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.Secret;
import dev.switchboard.spi.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${NAME}}, {@code env:NAME} and {@code file:/path} references. Errors name the
 * reference, never a value; every value handed out is registered with {@link SecretScrubber} so
 * that it is masked wherever it might surface (logs, errors, journal). Thread-safe.
 */
public final class ReferenceSecrets implements Secrets {

    private static final Pattern BRACED = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern ENV = Pattern.compile("env:([A-Za-z_][A-Za-z0-9_]*)");

    private final Map<String, String> environment;

    public ReferenceSecrets(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Secret resolve(String reference) {
        Objects.requireNonNull(reference, "reference");
        return find(reference).orElseThrow(() -> new ConfigException(reference, missing(reference)));
    }

    @Override
    public Optional<Secret> find(String reference) {
        Objects.requireNonNull(reference, "reference");
        Optional<String> value = lookup(reference);
        value.ifPresent(SecretScrubber::register);
        return value.map(v -> Secret.of(reference, v));
    }

    private Optional<String> lookup(String reference) {
        String variable = variable(reference);
        if (variable != null) {
            return Optional.ofNullable(environment.get(variable)).filter(v -> !v.isEmpty());
        }
        if (reference.startsWith("file:")) {
            Path file = Path.of(reference.substring("file:".length()));
            if (!Files.isReadable(file)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()).filter(v -> !v.isEmpty());
            } catch (IOException e) {
                throw new ConfigException(reference, "the secret file cannot be read (" + e.getClass().getSimpleName()
                        + ")");
            }
        }
        throw new ConfigException(reference, "not a secret reference; use ${NAME}, env:NAME or file:/path");
    }

    private static String variable(String reference) {
        Matcher braced = BRACED.matcher(reference);
        if (braced.matches()) {
            return braced.group(1);
        }
        Matcher env = ENV.matcher(reference);
        return env.matches() ? env.group(1) : null;
    }

    private static String missing(String reference) {
        return reference.startsWith("file:")
                ? "the secret file is missing, unreadable or empty"
                : "the environment variable is not set or empty";
    }
}
