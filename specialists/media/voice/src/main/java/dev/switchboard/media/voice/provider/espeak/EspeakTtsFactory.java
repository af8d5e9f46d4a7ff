package dev.switchboard.media.voice.provider.espeak;

import dev.switchboard.media.voice.provider.internal.Options;
import dev.switchboard.media.voice.spi.ProviderSettings;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.media.voice.spi.TtsFactory;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Builds {@code espeak} text-to-speech: the local {@code espeak-ng} binary, no account needed
 * (install with {@code scripts/setup.d/50-espeak.sh}). Delivers 22050 Hz PCM. Options:
 * {@code voice} (default {@code en-us}; a stream's own voice wins), {@code words_per_minute}
 * (175, scaled by the stream's speed), {@code pitch} (0..99, default 50), {@code binary} (default
 * {@code espeak-ng}). Stateless, thread-safe.
 */
@Extension
public final class EspeakTtsFactory implements TtsFactory {

    private static final Set<String> KEYS = Set.of("voice", "words_per_minute", "pitch", "binary");

    /** Creates the factory (for ServiceLoader and PF4J). */
    public EspeakTtsFactory() {
        // stateless
    }

    @Override
    public String type() {
        return "espeak";
    }

    @Override
    public TextToSpeech create(ProviderSettings settings) {
        Options o = Options.of(settings, KEYS);
        String voice = o.string("voice", "en-us");
        if (!voice.matches("[A-Za-z0-9_+.\\-]+")) {
            throw o.invalid("voice", "must be an espeak-ng voice name such as en-us or en+f3, got '" + voice + "'");
        }
        return new EspeakTts(settings.name(), o.string("binary", "espeak-ng"), voice,
                o.integer("words_per_minute", 175, 80, 450), o.integer("pitch", 50, 0, 99));
    }
}
