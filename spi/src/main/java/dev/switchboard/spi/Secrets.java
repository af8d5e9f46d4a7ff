package dev.switchboard.spi;

import java.util.Optional;

/**
 * Resolves secret references. Supported forms: {@code ${ENV_NAME}}, {@code env:ENV_NAME},
 * {@code file:/path} (contents, trailing newline trimmed). Thread-safe.
 */
@Stable(since = "0.1")
public interface Secrets {

    /**
     * Resolves a reference.
     *
     * @throws ConfigException naming the reference (never a value) when it cannot be resolved
     */
    Secret resolve(String reference);

    /** Resolves a reference, or empty when its variable or file is absent. */
    Optional<Secret> find(String reference);
}
