package dev.switchboard.testkit;

import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.Secret;
import dev.switchboard.spi.Secrets;
import java.util.Map;
import java.util.Optional;

/** Secrets from a fixed map of reference to value; an unknown reference is a config error. Immutable. */
final class TestSecrets implements Secrets {

    private final Map<String, String> values;

    TestSecrets(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    @Override
    public Secret resolve(String reference) {
        return find(reference).orElseThrow(() -> new ConfigException(reference,
                "no such secret in the test context (add it with TestSpecialistContext.Builder.secret)"));
    }

    @Override
    public Optional<Secret> find(String reference) {
        String value = values.get(reference);
        return value == null ? Optional.empty() : Optional.of(Secret.of(reference, value));
    }
}
