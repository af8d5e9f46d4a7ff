package dev.switchboard.media.voice.spi;

/**
 * A speech-to-text provider. Batch providers (OpenAI-compatible {@code /audio/transcriptions})
 * buffer the pushed audio and transcribe it at {@link SttStream#endOfSpeech()}; streaming
 * providers (Deepgram) send it as it arrives and report interim results. Thread-safe: one
 * provider serves many sessions, each with its own stream.
 */
public interface SpeechToText {

    /** The configured instance name (errors, metrics, fallback chains). */
    String name();

    /** Whether this provider reports interim transcripts and its own end of utterance. */
    boolean streaming();

    /** Opens a stream for one session; the listener receives its transcripts and errors. */
    SttStream stream(SttOptions options, SttListener listener);
}
