package dev.switchboard.media.voice.spi;

/**
 * Receives one stream's transcripts. Called on a provider thread; must return quickly.
 */
public interface SttListener extends FailoverListener {

    /** An interim or final transcript. */
    void onTranscript(Transcript transcript);

    /** The provider's own end-of-utterance signal (streaming providers only). */
    default void onEndOfUtterance() {
    }

    /** The stream failed; no further transcripts come from it. */
    void onError(ProviderException error);
}
