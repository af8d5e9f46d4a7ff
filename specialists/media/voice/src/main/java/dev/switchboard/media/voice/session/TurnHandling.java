package dev.switchboard.media.voice.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How a session takes turns: endpointing, interruptions, preemptive generation, user-away detection
 * and tool steps. The defaults are LiveKit Agents' current ones (livekit-agents 1.7 {@code voice/turn.py}
 * and {@code agent_session.py}); see {@link #defaults()}. Immutable.
 *
 * @param endpointing          when the user's turn is over
 * @param interruption         when user speech stops the agent
 * @param preemptiveGeneration start the LLM on the final transcript before the end of turn is decided
 *                             (default on; the audio waits for the end of turn)
 * @param userAwayTimeout      silence from both sides after which the state becomes {@code away} (default 15 s)
 * @param maxToolSteps         consecutive LLM → tool → LLM rounds per reply (default 3)
 */
public record TurnHandling(Endpointing endpointing, Interruption interruption, boolean preemptiveGeneration,
                           Duration userAwayTimeout, int maxToolSteps) {

    /** Validates the values. */
    public TurnHandling {
        Objects.requireNonNull(endpointing, "endpointing");
        Objects.requireNonNull(interruption, "interruption");
        positive("userAwayTimeout", userAwayTimeout);
        if (maxToolSteps < 1 || maxToolSteps > 50) {
            throw new IllegalArgumentException("maxToolSteps must be 1..50, was " + maxToolSteps);
        }
    }

    /**
     * Endpointing fixed at 0.5 s / 3.0 s, interruptions on (0.5 s, 0 words, false-interruption
     * resume after 2.0 s, 1.0 s backchannel boundary), preemptive generation on, user away after
     * 15 s, 3 tool steps.
     */
    public static TurnHandling defaults() {
        return new TurnHandling(Endpointing.defaults(), Interruption.defaults(), true, Duration.ofSeconds(15), 3);
    }

    /** A copy with other endpointing. */
    public TurnHandling withEndpointing(Endpointing value) {
        return new TurnHandling(value, interruption, preemptiveGeneration, userAwayTimeout, maxToolSteps);
    }

    /** A copy with other interruption rules. */
    public TurnHandling withInterruption(Interruption value) {
        return new TurnHandling(endpointing, value, preemptiveGeneration, userAwayTimeout, maxToolSteps);
    }

    /** A copy with preemptive generation on or off. */
    public TurnHandling withPreemptiveGeneration(boolean value) {
        return new TurnHandling(endpointing, interruption, value, userAwayTimeout, maxToolSteps);
    }

    /** A copy with another user-away timeout. */
    public TurnHandling withUserAwayTimeout(Duration value) {
        return new TurnHandling(endpointing, interruption, preemptiveGeneration, value, maxToolSteps);
    }

    /** A copy with another tool-step limit. */
    public TurnHandling withMaxToolSteps(int value) {
        return new TurnHandling(endpointing, interruption, preemptiveGeneration, userAwayTimeout, value);
    }

    /** Fixed delays, or delays that adapt to the user's pauses. */
    public enum EndpointingMode {
        /** Always wait {@code minDelay} (or {@code maxDelay} when the turn detector thinks the user is not done). */
        FIXED,
        /** Learn the user's pause length (EMA, alpha 0.9) and wait between min and max accordingly. */
        DYNAMIC
    }

    /**
     * When the user's turn is over: after the VAD's end of speech, wait {@code minDelay}; if a
     * {@link TurnDetector} says the user is probably not done, wait {@code maxDelay} instead.
     *
     * @param mode     fixed (default) or dynamic
     * @param minDelay default 0.5 s
     * @param maxDelay default 3.0 s
     */
    public record Endpointing(EndpointingMode mode, Duration minDelay, Duration maxDelay) {
        /** Validates the delays. */
        public Endpointing {
            Objects.requireNonNull(mode, "mode");
            notNegative("minDelay", minDelay);
            notNegative("maxDelay", maxDelay);
            if (maxDelay.compareTo(minDelay) < 0) {
                throw new IllegalArgumentException("maxDelay (" + maxDelay + ") must not be below minDelay ("
                        + minDelay + ")");
            }
        }

        /** Fixed, 0.5 s, 3.0 s. */
        public static Endpointing defaults() {
            return new Endpointing(EndpointingMode.FIXED, Duration.ofMillis(500), Duration.ofSeconds(3));
        }
    }

    /**
     * When user speech interrupts the agent. Output pauses at once when the user starts speaking;
     * the interruption is confirmed after {@code minDuration} of speech and {@code minWords} words
     * (then the reply is cancelled and the history keeps only what was heard); otherwise, after
     * {@code falseInterruptionTimeout} without words, playback resumes where it paused.
     *
     * @param enabled                  default true
     * @param minDuration              default 0.5 s
     * @param minWords                 default 0 (the VAD alone can interrupt)
     * @param falseInterruptionTimeout default 2.0 s
     * @param resumeFalseInterruption  default true
     * @param backchannelBoundary      default 1.0 s: a backchannel ("mm-hm", "yeah") this close to the
     *                                 start or end of the agent's speech never interrupts
     */
    public record Interruption(boolean enabled, Duration minDuration, int minWords, Duration falseInterruptionTimeout,
                               boolean resumeFalseInterruption, Duration backchannelBoundary) {
        /** Validates the values. */
        public Interruption {
            notNegative("minDuration", minDuration);
            notNegative("falseInterruptionTimeout", falseInterruptionTimeout);
            notNegative("backchannelBoundary", backchannelBoundary);
            if (minWords < 0) {
                throw new IllegalArgumentException("minWords must not be negative, was " + minWords);
            }
        }

        /** On, 0.5 s, 0 words, resume after 2.0 s, 1.0 s boundary. */
        public static Interruption defaults() {
            return new Interruption(true, Duration.ofMillis(500), 0, Duration.ofSeconds(2), true,
                    Duration.ofSeconds(1));
        }
    }

    private static void notNegative(String name, Duration d) {
        if (Objects.requireNonNull(d, name).isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + d);
        }
    }

    private static void positive(String name, Duration d) {
        notNegative(name, d);
        if (d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
