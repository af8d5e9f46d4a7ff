package dev.switchboard.media.voice.provider.openai;

import dev.switchboard.media.voice.provider.internal.Options;
import dev.switchboard.media.voice.spi.ProviderSettings;
import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.media.voice.spi.SttFactory;
import java.time.Duration;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Builds {@code openai} speech-to-text: the audio of each utterance is buffered and sent as a WAV
 * file to {@code POST {base_url}/audio/transcriptions} when the VAD reports the end of speech
 * (OpenAI, Groq, a local whisper server). Options: {@code model} (default
 * {@code gpt-4o-mini-transcribe}), {@code base_url}, {@code api_key} (reference), {@code prompt},
 * {@code max_segment_seconds} (60), {@code connect_timeout_ms} (5000), {@code timeout_ms} (15000,
 * the whole transcription request). Stateless, thread-safe.
 */
@Extension
public final class OpenAiSttFactory implements SttFactory {

    private static final Set<String> KEYS = Set.of("model", "base_url", "api_key", "prompt", "max_segment_seconds",
            "connect_timeout_ms", "timeout_ms");

    /** Creates the factory (for ServiceLoader and PF4J). */
    public OpenAiSttFactory() {
        // stateless
    }

    @Override
    public String type() {
        return "openai";
    }

    @Override
    public SpeechToText create(ProviderSettings settings) {
        Options o = Options.of(settings, KEYS);
        return new OpenAiStt(new OpenAiStt.Config(settings.name(), OpenAiUrls.baseUrl(o),
                o.string("model", "gpt-4o-mini-transcribe"), o.secret("api_key"), o.string("prompt", ""),
                o.integer("max_segment_seconds", 60, 1, 600), o.millis("connect_timeout_ms", Duration.ofSeconds(5)),
                o.millis("timeout_ms", Duration.ofSeconds(15))));
    }
}
