package dev.switchboard.media.voice.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.media.voice.spi.ProviderSettings;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.Secret;
import dev.switchboard.spi.Secrets;
import dev.switchboard.spi.TimeSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/** Builds provider settings for tests. */
public final class TestProviders {

    /** A key that must never show up in a message or a log line. */
    public static final String CANARY_KEY = "sk-canary-0123456789abcdefCANARY";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestProviders() {
    }

    /** Secrets that know {@code ${TEST_KEY}} (the canary) and nothing else. */
    public static Secrets secrets() {
        return secrets(Map.of("${TEST_KEY}", CANARY_KEY));
    }

    /** Secrets from a fixed map. */
    public static Secrets secrets(Map<String, String> values) {
        return new Secrets() {
            @Override
            public Secret resolve(String reference) {
                return find(reference).orElseThrow(() -> new ConfigException(reference, "no such variable"));
            }

            @Override
            public Optional<Secret> find(String reference) {
                return Optional.ofNullable(values.get(reference)).map(v -> Secret.of(reference, v));
            }
        };
    }

    /** Settings named {@code name} with options parsed from JSON text. */
    public static ProviderSettings settings(String name, String optionsJson) {
        return new ProviderSettings(name, json(optionsJson), secrets(), TimeSource.system());
    }

    /** Parses JSON text. */
    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
