package dev.switchboard.media.voice.provider.deepgram;

import dev.switchboard.media.voice.provider.internal.Options;
import dev.switchboard.media.voice.spi.ProviderSettings;
import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.media.voice.spi.SttFactory;
import java.time.Duration;
import java.util.Set;
import okhttp3.HttpUrl;
import org.pf4j.Extension;

/**
 * Builds {@code deepgram} streaming speech-to-text. Options: {@code api_key} (required reference,
 * e.g. {@code ${DEEPGRAM_API_KEY}}), {@code model} (default {@code nova-3}), {@code base_url}
 * (default {@code wss://api.deepgram.com/v1/listen}), {@code endpointing_ms} (300),
 * {@code utterance_end_ms} (1000), {@code smart_format} (true), {@code keepalive_ms} (4000),
 * {@code connect_timeout_ms} (5000). Stateless, thread-safe.
 */
@Extension
public final class DeepgramSttFactory implements SttFactory {

    static final String DEFAULT_URL = "wss://api.deepgram.com/v1/listen";
    private static final Set<String> KEYS = Set.of("api_key", "model", "base_url", "endpointing_ms",
            "utterance_end_ms", "smart_format", "keepalive_ms", "connect_timeout_ms");

    /** Creates the factory (for ServiceLoader and PF4J). */
    public DeepgramSttFactory() {
        // stateless
    }

    @Override
    public String type() {
        return "deepgram";
    }

    @Override
    public SpeechToText create(ProviderSettings settings) {
        Options o = Options.of(settings, KEYS);
        String base = o.string("base_url", DEFAULT_URL);
        HttpUrl url = HttpUrl.parse(base.replaceFirst("^ws", "http"));
        if (url == null || !base.matches("(?i)^(wss?|https?)://.*")) {
            throw o.invalid("base_url", "must be a ws(s) URL such as " + DEFAULT_URL + ", got '" + base + "'");
        }
        return new DeepgramStt(new DeepgramStt.Config(settings.name(), url, o.requiredSecret("api_key"),
                o.string("model", "nova-3"), o.integer("endpointing_ms", 300, 10, 10_000),
                o.integer("utterance_end_ms", 1000, 1000, 10_000), o.bool("smart_format", true),
                o.millis("keepalive_ms", Duration.ofSeconds(4)),
                o.millis("connect_timeout_ms", Duration.ofSeconds(5))));
    }
}
