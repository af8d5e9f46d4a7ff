package dev.switchboard.media.voice.provider.openai;

import dev.switchboard.media.voice.provider.internal.Options;
import dev.switchboard.media.voice.spi.ProviderSettings;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.media.voice.spi.TtsFactory;
import java.time.Duration;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Builds {@code openai} text-to-speech: {@code POST {base_url}/audio/speech} with
 * {@code response_format = "pcm"}, whose 24 kHz audio streams back as it is generated. Options:
 * {@code model} (default {@code gpt-4o-mini-tts}), {@code voice} (default {@code alloy}; a stream's
 * own voice wins), {@code base_url}, {@code api_key} (reference), {@code connect_timeout_ms} (5000),
 * {@code idle_timeout_ms} (10000). Stateless, thread-safe.
 */
@Extension
public final class OpenAiTtsFactory implements TtsFactory {

    private static final Set<String> KEYS = Set.of("model", "voice", "base_url", "api_key", "connect_timeout_ms",
            "idle_timeout_ms");

    /** Creates the factory (for ServiceLoader and PF4J). */
    public OpenAiTtsFactory() {
        // stateless
    }

    @Override
    public String type() {
        return "openai";
    }

    @Override
    public TextToSpeech create(ProviderSettings settings) {
        Options o = Options.of(settings, KEYS);
        return new OpenAiTts(settings.name(), OpenAiUrls.baseUrl(o), o.string("model", "gpt-4o-mini-tts"),
                o.string("voice", "alloy"), o.secret("api_key"), o.millis("connect_timeout_ms", Duration.ofSeconds(5)),
                o.millis("idle_timeout_ms", Duration.ofSeconds(10)));
    }
}
