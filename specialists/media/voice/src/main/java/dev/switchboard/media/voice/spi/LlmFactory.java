package dev.switchboard.media.voice.spi;

import org.pf4j.ExtensionPoint;

/**
 * Builds language-model providers of one kind (e.g. {@code openai}); a PF4J extension point, so a drop-in
 * JAR adds a provider. Implementations are stateless and thread-safe.
 */
public interface LlmFactory extends ExtensionPoint {

    /** The provider type named in agent TOML ({@code type = "openai"}). */
    String type();

    /**
     * Builds a provider.
     *
     * @throws dev.switchboard.spi.ConfigException naming the option that is missing or invalid
     */
    LanguageModel create(ProviderSettings settings);
}
