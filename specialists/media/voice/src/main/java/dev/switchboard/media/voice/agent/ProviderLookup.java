package dev.switchboard.media.voice.agent;

import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.media.voice.spi.TextToSpeech;
import java.util.Optional;

/**
 * Finds configured provider instances by name (for example the providers registry), so agent TOML can
 * say {@code llm = "groq"}. Implementations must be thread-safe.
 */
public interface ProviderLookup {
    /** The language model named {@code name}. */
    Optional<LanguageModel> llm(String name);

    /** The text-to-speech provider named {@code name}. */
    Optional<TextToSpeech> tts(String name);

    /** The speech-to-text provider named {@code name}. */
    Optional<SpeechToText> stt(String name);

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
