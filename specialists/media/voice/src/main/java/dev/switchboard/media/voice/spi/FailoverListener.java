package dev.switchboard.media.voice.spi;

/**
 * Told when a fallback chain moves a call or stream from one provider to the next. The STT, LLM and
 * TTS listeners all extend it; single providers never call it. Called on a provider thread; must
 * return quickly.
 */
public interface FailoverListener {

    /** The chain passed over {@code failover.from()} and continues on {@code failover.to()}. */
    default void onFailover(Failover failover) {
    }
}
