package dev.switchboard.media.voice.provider.espeak;

import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.media.voice.spi.TtsListener;
import dev.switchboard.media.voice.spi.TtsOptions;
import dev.switchboard.media.voice.spi.TtsStream;
import java.util.Objects;

/** {@code espeak-ng} as a {@link TextToSpeech}. Immutable, thread-safe. */
final class EspeakTts implements TextToSpeech {

    static final int SAMPLE_RATE = 22_050;

    private final String name;
    private final String binary;
    private final String voice;
    private final int wordsPerMinute;
    private final int pitch;

    EspeakTts(String name, String binary, String voice, int wordsPerMinute, int pitch) {
        this.name = name;
        this.binary = binary;
        this.voice = voice;
        this.wordsPerMinute = wordsPerMinute;
        this.pitch = pitch;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int sampleRate() {
        return SAMPLE_RATE;
    }

    @Override
    public TtsStream stream(TtsOptions options, TtsListener listener) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        String v = options.voice().isEmpty() ? voice : options.voice();
        int wpm = (int) Math.round(Math.clamp(wordsPerMinute * options.speed(), 80, 450));
        return new EspeakStream(name, listener, binary, v, wpm, pitch);
    }
}
