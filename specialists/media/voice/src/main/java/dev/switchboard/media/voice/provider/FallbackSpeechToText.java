package dev.switchboard.media.voice.provider;

import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.media.voice.spi.SttListener;
import dev.switchboard.media.voice.spi.SttOptions;
import dev.switchboard.media.voice.spi.SttStream;
import dev.switchboard.spi.TimeSource;
import java.util.List;
import java.util.Objects;

/**
 * Speech-to-text providers tried in order. A stream starts on the first provider whose breaker
 * lets it through and stays there while it works. When it fails with a retryable error, the next
 * provider takes over and first receives the audio of the utterance in progress (everything since
 * the last final transcript, up to 30 s), so the words being spoken are not lost; interim
 * transcripts the failed provider sent for that audio are superseded by the new provider's.
 * Audio already finalized is never re-sent. When every provider fails the error lists each and why.
 * {@link #streaming()} is true only when every provider streams. Thread-safe.
 */
public final class FallbackSpeechToText implements SpeechToText {

    private final String name;
    private final List<SpeechToText> providers;
    private final Breakers breakers;

    private FallbackSpeechToText(String name, List<SpeechToText> providers, FallbackOptions options,
            TimeSource time) {
        this.name = name;
        this.providers = providers;
        this.breakers = new Breakers(providers.stream().map(SpeechToText::name).toList(), options, time);
    }

    /** A chain named {@code name} over {@code providers} (at least one), first preferred. */
    public static FallbackSpeechToText of(String name, List<SpeechToText> providers, FallbackOptions options,
            TimeSource time) {
        Objects.requireNonNull(name, "name");
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("a fallback chain needs at least one speech-to-text provider");
        }
        return new FallbackSpeechToText(name, List.copyOf(providers), Objects.requireNonNull(options, "options"),
                Objects.requireNonNull(time, "time"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean streaming() {
        return providers.stream().allMatch(SpeechToText::streaming);
    }

    /** The providers, in the order they are tried. */
    public List<SpeechToText> providers() {
        return providers;
    }

    @Override
    public SttStream stream(SttOptions options, SttListener listener) {
        ChainSttStream s = new ChainSttStream(name, providers, breakers, Objects.requireNonNull(options, "options"),
                Objects.requireNonNull(listener, "listener"));
        s.next(0);
        return s;
    }
}
