package dev.switchboard.media.voice.agent;

import dev.switchboard.media.voice.provider.FallbackOptions;
import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.spi.TimeSource;
import java.util.Optional;

/**
 * Finds configured provider instances by name (for example the providers registry), so agent TOML can
 * say {@code llm = "groq"}, or {@code llm = ["groq", "local"]} for a fallback chain built with
 * {@link #fallback()} and {@link #time()}. A lookup may throw a located
 * {@link dev.switchboard.spi.ConfigException} when the named instance's own configuration is wrong.
 * Implementations must be thread-safe.
 */
public interface ProviderLookup {
    /** The language model named {@code name}. */
    Optional<LanguageModel> llm(String name);

    /** The text-to-speech provider named {@code name}. */
    Optional<TextToSpeech> tts(String name);

    /** The speech-to-text provider named {@code name}. */
    Optional<SpeechToText> stt(String name);

    /** The circuit-breaker settings of fallback chains an agent file builds from a list of names. */
    default FallbackOptions fallback() {
        return FallbackOptions.defaults();
    }

    /** The clock of those chains. */
    default TimeSource time() {
        return TimeSource.system();
    }

    /** A lookup that knows no providers (agents then use the session's). */
    static ProviderLookup none() {
        return new ProviderLookup() {
            @Override
            public Optional<LanguageModel> llm(String name) {
                return Optional.empty();
            }

            @Override
            public Optional<TextToSpeech> tts(String name) {
                return Optional.empty();
            }

            @Override
            public Optional<SpeechToText> stt(String name) {
                return Optional.empty();
            }
        };
    }
}
