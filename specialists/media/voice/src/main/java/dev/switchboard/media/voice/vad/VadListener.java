package dev.switchboard.media.voice.vad;

/** Receives a stream's speech boundaries on the pushing thread; must return quickly. */
public interface VadListener {

    /** Speech started (after {@link VadOptions#minSpeech()} above the activation threshold). */
    void onSpeechStart(VadEvent event);

    /** Speech ended (after {@link VadOptions#minSilence()} below the threshold). */
    void onSpeechEnd(VadEvent event);

    /** Each window's speech probability (for metrics and adaptive logic); default ignores it. */
    default void onProbability(float probability) {
    }
}
