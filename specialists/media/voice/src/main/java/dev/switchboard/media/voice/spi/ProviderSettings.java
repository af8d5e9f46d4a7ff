package dev.switchboard.media.voice.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.spi.Secrets;
import dev.switchboard.spi.TimeSource;
import java.util.Objects;

/**
 * What a provider factory gets to build one provider instance: its configured name, its options
 * (the provider's TOML table as JSON, e.g. {@code base_url}, {@code model}, {@code voice},
 * {@code api_key = "${OPENAI_API_KEY}"} — keys are references, resolved through {@link #secrets()}),
 * and the clock. Immutable.
 *
 * @param name    the instance name used in errors, metrics and fallback chains (e.g. {@code openai-llm})
 * @param options provider-specific options; an empty object when none
 * @param secrets resolves key references such as {@code ${OPENAI_API_KEY}}
 * @param time    the clock for timeouts and latency metrics
 */
public record ProviderSettings(String name, JsonNode options, Secrets secrets, TimeSource time) {

    /** Validates that nothing is missing. */
    public ProviderSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(time, "time");
    }
}
