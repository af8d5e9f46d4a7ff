package dev.switchboard.media.voice.provider;

import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.media.voice.spi.TtsListener;
import dev.switchboard.media.voice.spi.TtsOptions;
import dev.switchboard.media.voice.spi.TtsStream;
import dev.switchboard.spi.TimeSource;
import java.util.List;
import java.util.Objects;

/**
 * Text-to-speech providers tried in order, delivering audio at the first provider's sample rate
 * (others are resampled). A stream starts on the first provider whose breaker lets it through; if
 * that provider fails with a retryable error before it delivered any audio, the next one gets all
 * the text pushed so far (and the end, if it came). After audio was delivered a failure ends the
 * stream: the user already heard part of the reply in one voice, and replaying it in another would
 * repeat words. When every provider fails the error lists each and why. Thread-safe.
 */
public final class FallbackTextToSpeech implements TextToSpeech {

    private final String name;
    private final List<TextToSpeech> providers;
    private final Breakers breakers;

    private FallbackTextToSpeech(String name, List<TextToSpeech> providers, FallbackOptions options,
            TimeSource time) {
        this.name = name;
        this.providers = providers;
        this.breakers = new Breakers(providers.stream().map(TextToSpeech::name).toList(), options, time);
    }

    /** A chain named {@code name} over {@code providers} (at least one), first preferred. */
    public static FallbackTextToSpeech of(String name, List<TextToSpeech> providers, FallbackOptions options,
            TimeSource time) {
        Objects.requireNonNull(name, "name");
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("a fallback chain needs at least one text-to-speech provider");
        }
        return new FallbackTextToSpeech(name, List.copyOf(providers), Objects.requireNonNull(options, "options"),
                Objects.requireNonNull(time, "time"));
    }

    @Override
    public String name() {
        return name;
    }

    /** The first provider's rate; audio from the others is resampled to it. */
    @Override
    public int sampleRate() {
        return providers.getFirst().sampleRate();
    }

    /** The providers, in the order they are tried. */
    public List<TextToSpeech> providers() {
        return providers;
    }

    @Override
    public TtsStream stream(TtsOptions options, TtsListener listener) {
        ChainTtsStream s = new ChainTtsStream(name, providers, breakers, sampleRate(),
                Objects.requireNonNull(options, "options"), Objects.requireNonNull(listener, "listener"));
        s.next(0);
        return s;
    }
}
