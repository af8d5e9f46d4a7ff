package dev.switchboard.media.voice.spi;

/**
 * A text-to-speech provider (OpenAI-compatible {@code /audio/speech}, ElevenLabs streaming
 * WebSocket, local {@code espeak-ng}). Thread-safe: one provider serves many sessions.
 */
public interface TextToSpeech {

    /** The configured instance name (errors, metrics, fallback chains). */
    String name();

    /** The sample rate of the PCM this provider delivers (the session resamples to 48 kHz). */
    int sampleRate();

    /** Opens a synthesis stream for one agent reply. */
    TtsStream stream(TtsOptions options, TtsListener listener);
}
