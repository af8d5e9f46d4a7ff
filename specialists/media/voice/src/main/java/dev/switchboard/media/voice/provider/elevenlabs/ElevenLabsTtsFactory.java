package dev.switchboard.media.voice.provider.elevenlabs;

import dev.switchboard.media.voice.provider.internal.Options;
import dev.switchboard.media.voice.spi.ProviderSettings;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.media.voice.spi.TtsFactory;
import java.time.Duration;
import java.util.Set;
import okhttp3.HttpUrl;
import org.pf4j.Extension;

/**
 * Builds {@code elevenlabs} streaming text-to-speech. Options: {@code api_key} (required reference,
 * e.g. {@code ${ELEVEN_API_KEY}}), {@code voice} (a voice id, default {@code 21m00Tcm4TlvDq8ikWAM};
 * a stream's own voice wins), {@code model} (default {@code eleven_flash_v2_5}),
 * {@code sample_rate} (16000; one of 8000, 16000, 22050, 24000, 44100), {@code stability} and
 * {@code similarity_boost} (0..1, the voice's defaults when absent), {@code base_url} (default
 * {@code wss://api.elevenlabs.io/v1}), {@code connect_timeout_ms} (5000), {@code idle_timeout_ms}
 * (10000: text is waiting but no message came). Stateless, thread-safe.
 */
@Extension
public final class ElevenLabsTtsFactory implements TtsFactory {

    static final String DEFAULT_URL = "wss://api.elevenlabs.io/v1";
    private static final Set<String> KEYS = Set.of("api_key", "voice", "model", "sample_rate", "stability",
            "similarity_boost", "base_url", "connect_timeout_ms", "idle_timeout_ms");
    private static final Set<Integer> RATES = Set.of(8_000, 16_000, 22_050, 24_000, 44_100);

    /** Creates the factory (for ServiceLoader and PF4J). */
    public ElevenLabsTtsFactory() {
        // stateless
    }

    @Override
    public String type() {
        return "elevenlabs";
    }

    @Override
    public TextToSpeech create(ProviderSettings settings) {
        Options o = Options.of(settings, KEYS);
        String base = o.string("base_url", DEFAULT_URL);
        HttpUrl url = HttpUrl.parse(base.replaceFirst("^ws", "http"));
        if (url == null || !base.matches("(?i)^(wss?|https?)://.*")) {
            throw o.invalid("base_url", "must be a ws(s) URL such as " + DEFAULT_URL + ", got '" + base + "'");
        }
        int rate = o.integer("sample_rate", 16_000, 8_000, 44_100);
        if (!RATES.contains(rate)) {
            throw o.invalid("sample_rate", "must be one of 8000, 16000, 22050, 24000, 44100, got " + rate);
        }
        return new ElevenLabsTts(new ElevenLabsTts.Config(settings.name(), url, o.requiredSecret("api_key"),
                o.string("voice", "21m00Tcm4TlvDq8ikWAM"), o.string("model", "eleven_flash_v2_5"), rate,
                o.number("stability", -1, 0, 1), o.number("similarity_boost", -1, 0, 1),
                o.millis("connect_timeout_ms", Duration.ofSeconds(5)),
                o.millis("idle_timeout_ms", Duration.ofSeconds(10))));
    }
}
