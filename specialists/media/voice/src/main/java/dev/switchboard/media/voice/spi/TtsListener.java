package dev.switchboard.media.voice.spi;

/** Receives one synthesis stream's audio. Called on a provider thread; must return quickly. */
public interface TtsListener extends FailoverListener {

    /**
     * The next audio, 16-bit mono at {@link TextToSpeech#sampleRate()}. The array belongs to the
     * listener after the call (the provider does not reuse it).
     */
    void onAudio(short[] pcm);

    /**
     * The audio so far covers the text up to {@code textOffset} characters of everything pushed
     * (word alignment from the provider, or sentence boundaries when it has none). Lets the
     * session record only the words the user actually heard.
     */
    default void onAlignment(int textOffset, long audioSamples) {
    }

    /** All text has been spoken. */
    void onDone();

    /** Synthesis failed; no further audio. */
    void onError(ProviderException error);
}
