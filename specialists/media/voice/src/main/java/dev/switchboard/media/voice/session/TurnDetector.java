package dev.switchboard.media.voice.session;

import dev.switchboard.media.voice.spi.ChatMessage;
import java.util.List;

/**
 * A model-based end-of-turn detector (the hook LiveKit's turn-detector plugins fill). After the VAD's
 * end of speech and the endpointing {@code minDelay}, the session asks it whether the user is done;
 * when it says no, the session waits up to {@code maxDelay}. Called on the session's thread: must
 * return quickly (a few ms). Implementations must be thread-safe (one per process).
 */
@FunctionalInterface
public interface TurnDetector {
    /**
     * Whether {@code transcript} (the user's words so far this turn) likely ends the turn, given the
     * conversation before it.
     */
    boolean likelyEndOfTurn(List<ChatMessage> history, String transcript);

    /** A detector that always says yes: the VAD and {@code minDelay} alone decide. */
    static TurnDetector vadOnly() {
        return (history, transcript) -> true;
    }
}
